using MudBlazor;
using WarrantyPortal.Features.Admin.Orders;

namespace WarrantyPortal.Features.Admin;

/// <summary>The back office's sections, listed on its home page. A feature adds its admin page here,
/// with its title and description in AdminText.resx (Section_{Key}_Title, Section_{Key}_Description) and its translations.</summary>
public static class AdminSections
{
    public sealed record Section(string Key, string Href, string Icon)
    {
        public string Title => AdminStrings.Get($"Section_{Key}_Title");
        public string Description => AdminStrings.Get($"Section_{Key}_Description");
    }

    public static readonly List<Section> All =
    [
        new("Orders", "admin/orders", Icons.Material.Filled.FactCheck),
        new("Users", "admin/users", Icons.Material.Filled.People),
        new("Maintenance", "admin/maintenance", Icons.Material.Filled.Construction),
        new("Outbox", "admin/outbox", Icons.Material.Filled.Outbox),
        new("Payments", "admin/payments", Icons.Material.Filled.Payments),
    ];
}
