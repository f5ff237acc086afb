using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Admin.Orders;

namespace WarrantyPortal.Features.Admin.Users;

/// <summary>How a role reads in the back office, in the admin's language; the role's own name stays the stored key.</summary>
public static class RoleLook
{
    public static string Label(string role) =>
        Roles.All.Contains(role) ? AdminStrings.Get($"Role_{role}") : role;
}
