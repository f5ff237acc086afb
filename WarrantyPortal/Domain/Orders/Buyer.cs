using WarrantyPortal.Domain.Catalog;

namespace WarrantyPortal.Domain.Orders;

public enum PayerKind
{
    Person = 0,
    Company = 1,
}

/// <summary>A postal address as written on an order (a snapshot: later edits elsewhere do not change it).</summary>
public sealed record PostalAddress
{
    public string Line1 { get; init; } = "";
    public string? Line2 { get; init; }
    public string PostalCode { get; init; } = "";
    public string City { get; init; } = "";

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; init; } = "";

    public bool IsComplete => !string.IsNullOrWhiteSpace(Line1) && !string.IsNullOrWhiteSpace(City) && !string.IsNullOrWhiteSpace(Country);

    public string OneLine() => string.Join(", ", new[] { Line1, Line2, $"{PostalCode} {City}".Trim(), Country }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>The purchaser as they were when the order was placed.</summary>
public sealed record BuyerSnapshot
{
    public string FullName { get; init; } = "";

    /// <summary>ISO 3166-1 alpha-2 country the order is placed from (decides currency and tax).</summary>
    public string Country { get; init; } = "";
    public string Phone { get; init; } = "";
    public string Email { get; init; } = "";
    public PayerKind PayerKind { get; init; }

    /// <summary>The payer's name: the person or the company invoices are made out to.</summary>
    public string PayerName { get; init; } = "";

    /// <summary>The "duty paragraph": a VAT or tax number, optional.</summary>
    public string? TaxId { get; init; }
    public PostalAddress InstallationAddress { get; init; } = new();
    public PostalAddress BillingAddress { get; init; } = new();

    /// <summary>A buyer without a business tax number is a consumer.</summary>
    public bool IsConsumer => string.IsNullOrWhiteSpace(TaxId);

    /// <summary>A consumer buying in the EU may withdraw within 14 days, so starting the cover at once needs their consent.</summary>
    public bool HasWithdrawalRight => WithdrawalRight.Applies(Country, TaxId);
}

/// <summary>The EU's 14-day right of withdrawal from a service contract: consumers (no business tax number) in the EU.</summary>
public static class WithdrawalRight
{
    public static bool Applies(string country, string? taxId) =>
        string.IsNullOrWhiteSpace(taxId) && Countries.Find(country) is { IsEu: true };
}
