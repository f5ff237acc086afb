using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Features.Catalog;

/// <summary>An extension plan in the catalogue. Retired plans are no longer offered but stay on the orders that bought them.</summary>
public sealed class Plan
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameEn { get; set; }

    public required string NameFr { get; set; }

    public ProductFamily Family { get; set; }

    public TermKind TermKind { get; set; }

    public int TermYears { get; set; }

    /// <summary>Comma-separated models the plan is sold for; empty for every model of the family.</summary>
    public string Models { get; set; } = "";

    /// <summary>Comma-separated ISO country codes the plan is sold in; empty for every country.</summary>
    public string Countries { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? RetiredAtUtc { get; set; }

    public List<PlanPrice> Prices { get; set; } = [];

    public ExtensionPlan ToDomain() => new(
        Id, Code, NameEn, NameFr, Family, new TermRule(TermKind, TermYears), SplitList(Models), SplitList(Countries),
        Prices.ToDictionary(p => p.Currency, p => p.NetMinor, StringComparer.OrdinalIgnoreCase), RetiredAtUtc is not null);

    public static IReadOnlyList<string> SplitList(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string JoinList(IEnumerable<string> items, bool upper = false) =>
        string.Join(",", items.Select(i => upper ? i.Trim().ToUpperInvariant() : i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase));
}

/// <summary>A plan's net list price in one currency, in minor units. No conversion: a currency without a row is not sold.</summary>
public sealed class PlanPrice
{
    public int Id { get; set; }

    public int PlanId { get; set; }

    public required string Currency { get; set; }

    public long NetMinor { get; set; }
}

/// <summary>A buyer profile's stored terms (see <see cref="CustomerProfile"/>).</summary>
public sealed class BuyerProfile
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string NameEn { get; set; }

    public required string NameFr { get; set; }

    public int DiscountBasisPoints { get; set; }

    public List<BuyerProfileTier> Tiers { get; set; } = [];

    public CustomerProfile ToDomain() =>
        new(Code, NameEn, NameFr, DiscountBasisPoints, Tiers.OrderBy(t => t.MinQuantity).Select(t => new QuantityTier(t.MinQuantity, t.DiscountBasisPoints)).ToList());
}

public sealed class BuyerProfileTier
{
    public int Id { get; set; }

    public int BuyerProfileId { get; set; }

    public int MinQuantity { get; set; }

    public int DiscountBasisPoints { get; set; }
}
