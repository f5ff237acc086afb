using MudBlazor;

namespace WarrantyPortal.Components.Layout;

public static class PortalTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0E5A8A",
            Secondary = "#F5B700",
            Tertiary = "#2E7D32",
            AppbarBackground = "#0E5A8A",
            Background = "#F3F6F9",
            TextPrimary = "#1B2733",
            TextSecondary = "#5B6B7A",
            Success = "#2E7D32",
            Error = "#C62828",
            Warning = "#B26A00",
            Info = "#0277BD",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
