using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Accounts;

public enum AddressKind
{
    Billing = 0,
    Installation = 1,
}

/// <summary>A billing or installation address in a user's address book; orders copy it when they are placed.</summary>
public sealed class ContactAddress
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public AddressKind Kind { get; set; }

    /// <summary>The user's own name for it, e.g. "Head office" or "Roof, Lyon site".</summary>
    public string Label { get; set; } = "";

    public string Recipient { get; set; } = "";

    public string Line1 { get; set; } = "";

    public string? Line2 { get; set; }

    public string PostalCode { get; set; } = "";

    public string City { get; set; } = "";

    public string? Region { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string Country { get; set; } = "";

    public string? Phone { get; set; }

    public bool IsDefault { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public PostalAddress ToPostalAddress() => new() { Line1 = Line1, Line2 = Line2, PostalCode = PostalCode, City = City, Country = Country };
}
