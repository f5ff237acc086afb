using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using WarrantyPortal.Resources;

namespace WarrantyPortal.Components.Shared;

/// <summary>
/// Gives MudBlazor's built-in texts (grid pagers, date pickers, "Close" buttons…) in the visitor's language from
/// ComponentText.resx; MudBlazor falls back to its own English for any key the files do not have.
/// </summary>
public sealed class PortalMudLocalizer(IStringLocalizer<ComponentText> text) : MudLocalizer
{
    public override LocalizedString this[string key] => Find(key, []);

    public override LocalizedString this[string key, params object[] arguments] => Find(key, arguments);

    private LocalizedString Find(string key, object[] arguments)
    {
        var found = text[key];
        if (found.ResourceNotFound) return new LocalizedString(key, key, resourceNotFound: true);
        var value = arguments.Length == 0 ? found.Value : string.Format(CultureInfo.CurrentCulture, found.Value, arguments);
        return new LocalizedString(key, value, resourceNotFound: false);
    }
}
