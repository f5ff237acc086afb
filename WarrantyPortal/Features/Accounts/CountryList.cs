using System.Collections.Concurrent;
using System.Globalization;

namespace WarrantyPortal.Features.Accounts;

/// <summary>Countries by ISO 3166-1 alpha-2 code, named in the current UI language.</summary>
public static class CountryList
{
    private static readonly string[] Codes = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return ""; } })
        .Where(code => code.Length == 2 && code.All(char.IsAsciiLetterUpper))
        .Distinct()
        .ToArray();

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code, StringComparer.OrdinalIgnoreCase);

    private static readonly ConcurrentDictionary<(string Language, string Code), string> Names = new();

    /// <summary>The country's name in the current UI language (English when the platform has no translation), or the code itself if unknown.</summary>
    public static string Name(string? code)
    {
        if (string.IsNullOrEmpty(code)) return "";
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return Names.GetOrAdd((language, code.ToUpperInvariant()), key => Lookup(key.Language, key.Code));
    }

    private static string Lookup(string language, string code)
    {
        string english;
        try { english = new RegionInfo(code).EnglishName; }
        catch (ArgumentException) { return code; }
        if (language is "en" or "iv") return english;
        // RegionInfo only names a country in English or in its own language; ICU names it in any language
        // through a culture such as "fr-DE", whose native name is "français (Allemagne)".
        try
        {
            var native = CultureInfo.GetCultureInfo($"{language}-{code}").NativeName;
            var open = native.IndexOfAny(['(', '（']);
            var close = native.LastIndexOfAny([')', '）']);
            if (open >= 0 && close > open + 1) return native[(open + 1)..close].Trim();
        }
        catch (CultureNotFoundException)
        {
        }
        return english;
    }

    /// <summary>All countries sorted by name in the current UI language.</summary>
    public static IReadOnlyList<(string Code, string Name)> All()
    {
        var compare = StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true);
        return Codes.Select(c => (Code: c, Name: Name(c))).OrderBy(c => c.Name, compare).ToList();
    }
}
