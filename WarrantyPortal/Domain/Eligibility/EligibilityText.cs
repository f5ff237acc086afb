using System.Globalization;
using Microsoft.Extensions.Localization;
using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Domain.Eligibility;

/// <summary>Marker for the customer messages of refusals and product family names (EligibilityText.resx, .fr.resx).</summary>
public sealed class EligibilityText;

public static class EligibilityMessages
{
    /// <summary>The customer message for a refusal, in the current UI culture.</summary>
    public static string Describe(this IStringLocalizer<EligibilityText> text, Refusal refusal)
    {
        var family = refusal.Family is { } f ? text.FamilyName(f) : "";
        var date = refusal.Date?.ToString("d", CultureInfo.CurrentCulture) ?? "";
        return text[$"Refusal_{refusal.Code}", refusal.SerialNumber, family, date];
    }

    public static string FamilyName(this IStringLocalizer<EligibilityText> text, ProductFamily family) => text[$"Family_{family}"];
}
