namespace WarrantyPortal.Domain.Catalog;

/// <summary>A country the portal sells to: who pays in what, and whether EU VAT rules apply.</summary>
public sealed record Country(string Code, string NameEn, string NameFr, bool IsEu, string DefaultCurrency, IReadOnlyList<string> Currencies)
{
    public string Name(System.Globalization.CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr" ? NameFr : NameEn;

    public bool Accepts(string currency) => Currencies.Contains(currency, StringComparer.OrdinalIgnoreCase);
}

public static class Countries
{
    private static Country Eu(string code, string en, string fr) => new(code, en, fr, true, "EUR", ["EUR", "USD"]);

    public static readonly IReadOnlyList<Country> All =
    [
        Eu("AT", "Austria", "Autriche"),
        Eu("BE", "Belgium", "Belgique"),
        Eu("BG", "Bulgaria", "Bulgarie"),
        Eu("HR", "Croatia", "Croatie"),
        Eu("CY", "Cyprus", "Chypre"),
        Eu("CZ", "Czechia", "Tchéquie"),
        Eu("DK", "Denmark", "Danemark"),
        Eu("EE", "Estonia", "Estonie"),
        Eu("FI", "Finland", "Finlande"),
        Eu("FR", "France", "France"),
        Eu("DE", "Germany", "Allemagne"),
        Eu("GR", "Greece", "Grèce"),
        Eu("HU", "Hungary", "Hongrie"),
        Eu("IE", "Ireland", "Irlande"),
        Eu("IT", "Italy", "Italie"),
        Eu("LV", "Latvia", "Lettonie"),
        Eu("LT", "Lithuania", "Lituanie"),
        Eu("LU", "Luxembourg", "Luxembourg"),
        Eu("MT", "Malta", "Malte"),
        Eu("NL", "Netherlands", "Pays-Bas"),
        Eu("PL", "Poland", "Pologne"),
        Eu("PT", "Portugal", "Portugal"),
        Eu("RO", "Romania", "Roumanie"),
        Eu("SK", "Slovakia", "Slovaquie"),
        Eu("SI", "Slovenia", "Slovénie"),
        Eu("ES", "Spain", "Espagne"),
        Eu("SE", "Sweden", "Suède"),
        new("GB", "United Kingdom", "Royaume-Uni", false, "GBP", ["GBP", "EUR"]),
        new("CH", "Switzerland", "Suisse", false, "EUR", ["EUR"]),
        new("US", "United States", "États-Unis", false, "USD", ["USD"]),
        new("CN", "China", "Chine", false, "CNY", ["CNY", "USD"]),
        new("AU", "Australia", "Australie", false, "AUD", ["AUD", "USD"]),
    ];

    private static readonly Dictionary<string, Country> ByCode = All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    public static Country? Find(string? code) => code is not null && ByCode.TryGetValue(code.Trim(), out var c) ? c : null;

    public static Country Get(string code) => Find(code) ?? throw new ArgumentException($"Unknown country '{code}'.", nameof(code));
}
