namespace WarrantyPortal.Infrastructure;

public sealed class PortalOptions
{
    public const string Section = "Portal";

    public string BrandName { get; set; } = "WarrantyPortal";

    /// <summary>The address customers reach the portal at; used for links in emails and documents.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5033";

    /// <summary>Seeds demo accounts and data on start (on by default in Development).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>The first administrator in production: created on start when no admin exists.</summary>
    public string? InitialAdminEmail { get; set; }
    public string? InitialAdminPassword { get; set; }
}
