using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace WarrantyPortal.Components.Shared;

/// <summary>
/// A MudBlazor icon drawn into the calling component's own render tree, with the markup and classes <c>MudIcon</c> renders.
/// An open circuit holds every component of its page (about 5 KB each, render trees included), so icons on pages kept
/// open for long, such as the purchase form and the header, are drawn this way rather than as a component each.
/// </summary>
public static class Svg
{
    public static RenderFragment Icon(string icon, Size size = Size.Medium, Color color = Color.Inherit, string? @class = null) =>
        builder => Write(builder, icon, size, color, @class);

    private static void Write(RenderTreeBuilder builder, string icon, Size size = Size.Medium, Color color = Color.Inherit, string? @class = null)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", Classes(size, color, @class));
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddAttribute(5, "role", "img");
        builder.AddMarkupContent(6, icon);
        builder.CloseElement();
    }

    private static string Classes(Size size, Color color, string? @class)
    {
        var colour = color switch
        {
            Color.Inherit => "",
            Color.Default => " mud-icon-default",
            _ => $" mud-{color.ToString().ToLowerInvariant()}-text",
        };
        var sizeClass = size switch { Size.Small => "small", Size.Large => "large", _ => "medium" };
        return $"mud-icon-root mud-svg-icon{colour} mud-icon-size-{sizeClass}{(@class is null ? "" : " " + @class)}";
    }
}
