using SkiaSharp;

namespace WarrantyPortal.Features.Documents;

/// <summary>
/// The fonts and brand image the PDFs embed, loaded once from the shipped assets folder
/// (<c>wwwroot-assets/</c> in the repository, <c>wwwroot/assets/</c> once built or published).
/// Skia's PDF backend here has no font lookup, so text is only ever drawn with these typefaces.
/// </summary>
public sealed class DocumentAssets : IDisposable
{
    public const string RegularFontFile = "fonts/NotoSans-Regular.ttf";
    public const string BoldFontFile = "fonts/NotoSans-Bold.ttf";
    public const string CjkFontFile = "fonts/WenQuanYiMicroHei.ttf";
    public const string LogoFile = "brand/logo.png";

    private readonly byte[] _cjkData;

    private DocumentAssets(string directory)
    {
        Directory = directory;
        Regular = LoadTypeface(RegularFontFile);
        Bold = LoadTypeface(BoldFontFile);
        _cjkData = File.ReadAllBytes(PathOf(CjkFontFile));
        Cjk = LoadTypeface(CjkFontFile);
        var logoPath = PathOf(LogoFile);
        Logo = SKImage.FromEncodedData(logoPath)?.ToRasterImage()
            ?? throw new InvalidOperationException($"The brand logo '{logoPath}' is not a readable PNG.");
    }

    /// <summary>The folder the assets were loaded from.</summary>
    public string Directory { get; }

    public SKTypeface Regular { get; }
    public SKTypeface Bold { get; }

    /// <summary>Chinese, Japanese and Korean glyphs; used only for runs of text the Latin font lacks.</summary>
    public SKTypeface Cjk { get; }

    public SKImage Logo { get; }

    /// <summary>
    /// Finds the assets folder: the web root's <c>assets/</c> (dotnet run, publish), the output folder's
    /// <c>wwwroot/assets/</c> (publish), or the repository's <c>wwwroot-assets/</c> above the output folder (tests).
    /// </summary>
    public static DocumentAssets Load(string? webRootPath = null)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(webRootPath))
        {
            candidates.Add(Path.Combine(webRootPath, "assets"));
        }
        candidates.Add(Path.Combine(AppContext.BaseDirectory, "wwwroot", "assets"));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            candidates.Add(Path.Combine(dir.FullName, "wwwroot-assets"));
        }

        var found = candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, RegularFontFile)));
        return found is not null
            ? new DocumentAssets(found)
            : throw new InvalidOperationException(
                $"The PDF fonts were not found. Looked for '{RegularFontFile}' in: {string.Join(", ", candidates.Take(3))} " +
                "and every 'wwwroot-assets' folder above the application. Build the app so wwwroot-assets is copied into its web root.");
    }

    /// <summary>The CJK font with only the given glyphs' outlines, for embedding in one document.</summary>
    public SKTypeface CjkSubset(IEnumerable<ushort> glyphs)
    {
        using var data = SKData.CreateCopy(TrueTypeSubset.KeepGlyphs(_cjkData, glyphs));
        return SKTypeface.FromData(data, 0) ?? throw new InvalidOperationException("The CJK font subset could not be loaded.");
    }

    private string PathOf(string file) => Path.Combine(Directory, file);

    private SKTypeface LoadTypeface(string file)
    {
        var path = PathOf(file);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The PDF font '{path}' is missing from the assets folder.");
        }
        return SKTypeface.FromFile(path, 0) ?? throw new InvalidOperationException($"The PDF font '{path}' could not be read.");
    }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
        Cjk.Dispose();
        Logo.Dispose();
    }
}
