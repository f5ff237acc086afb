using Microsoft.AspNetCore.Identity;

namespace WarrantyPortal.Data;

public class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string FullName { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    [PersonalData]
    public string Country { get; set; } = "";

    [PersonalData]
    public string? Company { get; set; }

    [PersonalData]
    public string? TaxId { get; set; }

    /// <summary>Culture name used for emails and documents sent to this user (e.g. "en", "fr").</summary>
    [PersonalData]
    public string PreferredCulture { get; set; } = "en";

    public DateTime CreatedAtUtc { get; set; }
}
