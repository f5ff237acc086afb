using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Domain.Catalog;

public enum TermKind
{
    /// <summary>The total warranty (base + extension) becomes N years from the base warranty start.</summary>
    ExtendTotalTo,

    /// <summary>N years are added after the current end of coverage.</summary>
    AddYears,
}

public sealed record TermRule(TermKind Kind, int Years)
{
    /// <summary>The last day the device would be covered with this plan.</summary>
    public DateOnly NewEnd(DeviceRecord device) => Kind == TermKind.ExtendTotalTo
        ? WarrantyYears.EndOfTerm(device.BaseWarrantyStart, Years)
        : device.CoverageEnd.AddYears(Years);
}

/// <summary>
/// An extension plan: what it does to the warranty, which models and countries it is sold for
/// (empty lists mean every model of the family, every country) and its net list price per currency in minor units.
/// </summary>
public sealed record ExtensionPlan(
    int Id,
    string Code,
    string NameEn,
    string NameFr,
    ProductFamily Family,
    TermRule Term,
    IReadOnlyList<string> Models,
    IReadOnlyList<string> Countries,
    IReadOnlyDictionary<string, long> NetPrices,
    bool Retired = false)
{
    public string Name(System.Globalization.CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr" ? NameFr : NameEn;

    public bool IsForModel(DeviceRecord device) =>
        device.Family == Family && (Models.Count == 0 || Models.Contains(device.Model, StringComparer.OrdinalIgnoreCase));

    public bool IsForCountry(string countryCode) =>
        Countries.Count == 0 || Countries.Contains(countryCode, StringComparer.OrdinalIgnoreCase);

    public Money? ListNet(string currency) => NetPrices.TryGetValue(currency, out var minor) ? new Money(minor, currency) : null;
}
