namespace WarrantyPortal.Domain.Catalog;

/// <summary>Standard VAT rates by country (EU member states), with a default for every other country.</summary>
public sealed class VatTable(IReadOnlyDictionary<string, decimal> rates, decimal defaultRate)
{
    /// <summary>Standard rates of the EU member states; sales outside the EU carry no EU VAT by default.</summary>
    public static readonly VatTable Eu = new(new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["AT"] = 0.20m, ["BE"] = 0.21m, ["BG"] = 0.20m, ["HR"] = 0.25m, ["CY"] = 0.19m, ["CZ"] = 0.21m,
        ["DK"] = 0.25m, ["EE"] = 0.24m, ["FI"] = 0.255m, ["FR"] = 0.20m, ["DE"] = 0.19m, ["GR"] = 0.24m,
        ["HU"] = 0.27m, ["IE"] = 0.23m, ["IT"] = 0.22m, ["LV"] = 0.21m, ["LT"] = 0.21m, ["LU"] = 0.17m,
        ["MT"] = 0.18m, ["NL"] = 0.21m, ["PL"] = 0.23m, ["PT"] = 0.23m, ["RO"] = 0.21m, ["SK"] = 0.23m,
        ["SI"] = 0.22m, ["ES"] = 0.21m, ["SE"] = 0.25m,
    }, 0m);

    public decimal DefaultRate => defaultRate;

    public decimal RateFor(string countryCode) => rates.TryGetValue(countryCode, out var r) ? r : defaultRate;

    public bool IsListed(string countryCode) => rates.ContainsKey(countryCode);
}
