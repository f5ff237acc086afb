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

    public static IReadOnlyList<string> Supported { get; } = Candidates.Where(HasResources).ToArray();

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
