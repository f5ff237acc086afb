namespace WarrantyPortal.Domain.Catalog;

/// <summary>A price break: from <see cref="MinQuantity"/> devices in one order, a further discount.</summary>
public sealed record QuantityTier(int MinQuantity, int DiscountBasisPoints);

/// <summary>
/// A kind of buyer (Customer, Reseller, Distributor) with a discount off the list price and quantity tiers on top.
/// Discounts are in basis points (1 500 = 15 %) so they stay exact integers in storage.
/// </summary>
public sealed record CustomerProfile(string Code, string NameEn, string NameFr, int DiscountBasisPoints, IReadOnlyList<QuantityTier> Tiers)
{
    public const string CustomerCode = "Customer";
    public const string ResellerCode = "Reseller";
    public const string DistributorCode = "Distributor";

    public static readonly CustomerProfile Customer = new(CustomerCode, "Customer", "Client", 0, [new(1, 0), new(10, 300), new(100, 500)]);
    public static readonly CustomerProfile Reseller = new(ResellerCode, "Reseller", "Revendeur", 1500, [new(1, 0), new(10, 500), new(100, 1000)]);
    public static readonly CustomerProfile Distributor = new(DistributorCode, "Distributor", "Distributeur", 2500, [new(1, 0), new(10, 500), new(100, 1200)]);

    public static readonly IReadOnlyList<CustomerProfile> Defaults = [Customer, Reseller, Distributor];

    public string Name(System.Globalization.CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr" ? NameFr : NameEn;

    public QuantityTier TierFor(int quantity) =>
        Tiers.Where(t => t.MinQuantity <= Math.Max(1, quantity)).OrderByDescending(t => t.MinQuantity).FirstOrDefault() ?? new QuantityTier(1, 0);

    /// <summary>The net unit price after the profile discount and then the quantity tier's, rounded half away from zero.</summary>
    public Money UnitNet(Money listNet, int quantity)
    {
        var factor = (10_000 - DiscountBasisPoints) / 10_000m * ((10_000 - TierFor(quantity).DiscountBasisPoints) / 10_000m);
        return new Money((long)Math.Round(listNet.Minor * factor, MidpointRounding.AwayFromZero), listNet.Currency);
    }

    /// <summary>"1–9", "10–99", "100+": the tier ranges for display.</summary>
    public IReadOnlyList<(string Range, int DiscountBasisPoints)> TierRanges()
    {
        var ordered = Tiers.OrderBy(t => t.MinQuantity).ToList();
        return ordered.Select((t, i) => (i + 1 < ordered.Count ? $"{t.MinQuantity}–{ordered[i + 1].MinQuantity - 1}" : $"{t.MinQuantity}+", t.DiscountBasisPoints)).ToList();
    }
}
