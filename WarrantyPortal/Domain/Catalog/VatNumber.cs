using System.Text.RegularExpressions;

namespace WarrantyPortal.Domain.Catalog;

/// <summary>
/// An EU VAT identification number whose format matches its country's (spaces, dots and dashes removed, upper case).
/// A well-formed number is not necessarily registered: the VIES check is a separate step.
/// </summary>
public sealed partial record VatNumber
{
    private VatNumber(string value, string countryCode)
    {
        Value = value;
        CountryCode = countryCode;
    }

    /// <summary>The full number with its prefix, e.g. FR40303265045.</summary>
    public string Value { get; }

    /// <summary>ISO 3166 country of the number (GR for the EL prefix).</summary>
    public string CountryCode { get; }

    public override string ToString() => Value;

    private static readonly Dictionary<string, Regex> Formats = new()
    {
        ["AT"] = Pattern(@"U\d{8}"),
        ["BE"] = Pattern(@"[01]\d{9}"),
        ["BG"] = Pattern(@"\d{9,10}"),
        ["CY"] = Pattern(@"\d{8}[A-Z]"),
        ["CZ"] = Pattern(@"\d{8,10}"),
        ["DE"] = Pattern(@"\d{9}"),
        ["DK"] = Pattern(@"\d{8}"),
        ["EE"] = Pattern(@"\d{9}"),
        ["EL"] = Pattern(@"\d{9}"),
        ["ES"] = Pattern(@"[A-Z0-9]\d{7}[A-Z0-9]"),
        ["FI"] = Pattern(@"\d{8}"),
        ["FR"] = Pattern(@"[A-HJ-NP-Z0-9]{2}\d{9}"),
        ["HR"] = Pattern(@"\d{11}"),
        ["HU"] = Pattern(@"\d{8}"),
        ["IE"] = Pattern(@"(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])"),
        ["IT"] = Pattern(@"\d{11}"),
        ["LT"] = Pattern(@"(\d{9}|\d{12})"),
        ["LU"] = Pattern(@"\d{8}"),
        ["LV"] = Pattern(@"\d{11}"),
        ["MT"] = Pattern(@"\d{8}"),
        ["NL"] = Pattern(@"\d{9}B\d{2}"),
        ["PL"] = Pattern(@"\d{10}"),
        ["PT"] = Pattern(@"\d{9}"),
        ["RO"] = Pattern(@"\d{2,10}"),
        ["SE"] = Pattern(@"\d{10}01"),
        ["SI"] = Pattern(@"\d{8}"),
        ["SK"] = Pattern(@"\d{10}"),
    };

    public static bool TryParse(string? input, out VatNumber? vatNumber)
    {
        vatNumber = null;
        if (string.IsNullOrWhiteSpace(input)) return false;
        var value = Separators().Replace(input, "").ToUpperInvariant();
        if (value.Length < 4) return false;
        var prefix = value[..2];
        if (!Formats.TryGetValue(prefix, out var format) || !format.IsMatch(value[2..])) return false;
        vatNumber = new VatNumber(value, prefix == "EL" ? "GR" : prefix);
        return true;
    }

    /// <summary>The expected shape for a country, for messages ("FR + 2 characters + 9 digits").</summary>
    public static bool HasFormatFor(string countryCode) => Formats.ContainsKey(countryCode == "GR" ? "EL" : countryCode);

    private static Regex Pattern(string body) => new($"^{body}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [GeneratedRegex(@"[\s.\-]")]
    private static partial Regex Separators();
}
