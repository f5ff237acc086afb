namespace WarrantyPortal.Features.Accounts;

/// <summary>The personal information a user edits on "My account".</summary>
public sealed class ProfileForm
{
    public string FullName { get; set; } = "";

    public string Country { get; set; } = "";

    public string? Phone { get; set; }

    public string? Company { get; set; }

    public string? TaxId { get; set; }

    public string PreferredCulture { get; set; } = "en";
}

/// <summary>What the portal knows about a user, for forms that start from the account (orders, invoices).</summary>
public sealed record AccountProfile(string UserId, string Email, string FullName, string Country, string? Phone, string? Company, string? TaxId, string PreferredCulture)
{
    public ProfileForm ToForm() => new()
    {
        FullName = FullName, Country = Country, Phone = Phone, Company = Company, TaxId = TaxId, PreferredCulture = PreferredCulture,
    };
}
