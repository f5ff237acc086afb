using WarrantyPortal.Domain;

namespace WarrantyPortal.Features.Accounts;

/// <summary>A contact address being added or edited; <see cref="Id"/> is null for a new one.</summary>
public sealed class AddressForm
{
    public long? Id { get; set; }

    public AddressKind Kind { get; set; }

    public string Label { get; set; } = "";

    public string Recipient { get; set; } = "";

    public string Line1 { get; set; } = "";

    public string? Line2 { get; set; }

    public string PostalCode { get; set; } = "";

    public string City { get; set; } = "";

    public string? Region { get; set; }

    public string Country { get; set; } = "";

    public string? Phone { get; set; }

    public bool IsDefault { get; set; }

    /// <summary>Names of the required fields left empty, fields longer than they may be, or a country that is not an ISO code.</summary>
    public IReadOnlyList<string> MissingFields()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(Recipient)) missing.Add(nameof(Recipient));
        if (string.IsNullOrWhiteSpace(Line1)) missing.Add(nameof(Line1));
        if (string.IsNullOrWhiteSpace(PostalCode)) missing.Add(nameof(PostalCode));
        if (string.IsNullOrWhiteSpace(City)) missing.Add(nameof(City));
        if (!CountryList.IsKnown(Country)) missing.Add(nameof(Country));
        // The dialog's fields stop at these lengths; a longer value did not come from it and is refused, not cut.
        if (!FreeText.Fits(Label, 80)) missing.Add(nameof(Label));
        if (!FreeText.Fits(Recipient, 200)) missing.Add(nameof(Recipient));
        if (!FreeText.Fits(Line1, 200)) missing.Add(nameof(Line1));
        if (!FreeText.Fits(Line2, 200)) missing.Add(nameof(Line2));
        if (!FreeText.Fits(PostalCode, 20)) missing.Add(nameof(PostalCode));
        if (!FreeText.Fits(City, 100)) missing.Add(nameof(City));
        if (!FreeText.Fits(Region, 100)) missing.Add(nameof(Region));
        if (!FreeText.Fits(Phone, 40)) missing.Add(nameof(Phone));
        return missing;
    }

    public static AddressForm From(ContactAddress a) => new()
    {
        Id = a.Id, Kind = a.Kind, Label = a.Label, Recipient = a.Recipient, Line1 = a.Line1, Line2 = a.Line2,
        PostalCode = a.PostalCode, City = a.City, Region = a.Region, Country = a.Country, Phone = a.Phone, IsDefault = a.IsDefault,
    };
}
