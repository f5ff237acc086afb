using System.Globalization;
using System.Resources;
using WarrantyPortal.Domain;

namespace WarrantyPortal.Features.Documents;

/// <summary>Labels, dates and amounts in the document's own language, whatever the current request's culture.</summary>
internal sealed class DocumentLabels(string culture)
{
    private static readonly ResourceManager Resources = new(typeof(DocumentsText));

    public CultureInfo Culture { get; } = Infrastructure.PortalCultures.Get(culture);

    public string this[string key] =>
        Resources.GetString(key, Culture) ?? throw new InvalidOperationException($"Missing document text '{key}'.");

    public string Format(string key, params object[] args) => string.Format(Culture, this[key], args);

    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public string Amount(Money money) => money.Format(Culture);

    /// <summary>A VAT rate as the language writes percentages: "5.5%" in English, "5,5 %" in French.</summary>
    public string Rate(decimal rate)
    {
        var format = (NumberFormatInfo)Culture.NumberFormat.Clone();
        var percent = rate * 100;
        format.PercentDecimalDigits = percent == decimal.Round(percent) ? 0 : percent * 10 == decimal.Round(percent * 10) ? 1 : 2;
        return rate.ToString("P", format);
    }
}
