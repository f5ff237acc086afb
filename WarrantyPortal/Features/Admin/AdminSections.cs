using MudBlazor;

namespace WarrantyPortal.Features.Admin;

/// <summary>The back office's sections, listed on its home page. A feature adds its admin page here.</summary>
public static class AdminSections
{
    public sealed record Section(string Title, string Description, string Href, string Icon);

    public static readonly List<Section> All =
    [
        new("Order audit", "Check, approve or reject orders before payment; settle prices, record transfers, export.", "admin/orders", Icons.Material.Filled.FactCheck),
        new("Users", "Find customers and resellers, see their orders, set their role and customer profile, lock an account.", "admin/users", Icons.Material.Filled.People),
        new("Maintenance", "Close the store to new visitors or to everyone but administrators while it is being changed.", "admin/maintenance", Icons.Material.Filled.Construction),
        new("Outbox", "Every email the portal sends, its delivery status and its content; resend a message.", "admin/outbox", Icons.Material.Filled.Outbox),
        new("Payments", "Checkouts opened for orders, what the payment provider reported, and payments held for review.", "admin/payments", Icons.Material.Filled.Payments),
    ];
}
