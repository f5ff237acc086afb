using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace WarrantyPortal.Infrastructure;

/// <summary>
/// The languages the portal offers. A culture joins the language switcher as soon as resource files
/// for it are compiled in (a satellite assembly exists): adding German is adding *.de.resx files.
/// </summary>
public static class PortalCultures
{
    private static readonly string[] Candidates = ["en", "fr", "de", "es", "zh-Hans"];
    private static readonly ConcurrentDictionary<string, CultureInfo> Formatting = new(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> Supported { get; } = Candidates.Where(HasResources).ToArray();

    /// <summary>
    /// The culture pages, emails and documents in a language format with. The portal serves European installers first, so
    /// English writes dates and times as in Britain (22/06/2036, 15:45), never the US month-first way; the language (and its
    /// resource files) stays "en". Other languages use their own conventions (French: 22/06/2036). An unknown name gives English.
    /// </summary>
    public static CultureInfo Get(string? name) =>
        Formatting.GetOrAdd(string.IsNullOrWhiteSpace(name) ? "en" : name.Trim(), static n =>
        {
            CultureInfo culture;
            try
            {
                culture = new CultureInfo(n);
            }
            catch (CultureNotFoundException)
            {
                culture = new CultureInfo("en");
            }
            if (culture.Name is "en" or "en-US")
            {
                culture.DateTimeFormat = (DateTimeFormatInfo)CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.Clone();
            }
            return CultureInfo.ReadOnly(culture);
        });

    public static string DisplayName(string culture) =>
        CultureInfo.GetCultureInfo(culture).NativeName is var n && n.Length > 0 ? char.ToUpper(n[0], CultureInfo.GetCultureInfo(culture)) + n[1..] : culture;

    private static bool HasResources(string culture)
    {
        if (culture == "en") return true;
        try
        {
            typeof(PortalCultures).Assembly.GetSatelliteAssembly(CultureInfo.GetCultureInfo(culture));
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return false;
        }
    }
}
