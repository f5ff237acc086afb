namespace WarrantyPortal.Features.Accounts;

public static class Roles
{
    public const string Customer = "Customer";
    public const string Reseller = "Reseller";
    public const string Admin = "Admin";

    public static readonly string[] All = [Customer, Reseller, Admin];

    /// <summary>The authorization policy every back-office page and endpoint carries.</summary>
    public const string AdminPolicy = "AdminOnly";
}
