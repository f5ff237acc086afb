using SkiaSharp;

namespace WarrantyPortal.Features.Documents;

/// <summary>Page size, brand colours and type sizes shared by the portal's documents.</summary>
internal static class PdfStyle
{
    public const float PageWidth = 595.28f;   // A4 in points
    public const float PageHeight = 841.89f;
    public const float Margin = 50f;
    public const float ContentWidth = PageWidth - 2 * Margin;
    public const string Producer = "WarrantyPortal";

    public static readonly SKColor Brand = SKColor.Parse("#0E5A8A");
    public static readonly SKColor Accent = SKColor.Parse("#F5B700");
    public static readonly SKColor Ink = SKColor.Parse("#1B2733");
    public static readonly SKColor Muted = SKColor.Parse("#5B6B7A");
    public static readonly SKColor Rule = SKColor.Parse("#D5DDE5");
    public static readonly SKColor Tint = SKColor.Parse("#EFF5FA");
    public static readonly SKColor Warning = SKColor.Parse("#B3261E");
    public static readonly SKColor WarningTint = SKColor.Parse("#FCEDEC");

    /// <summary>
    /// Writes a PDF whose pages <paramref name="drawPages"/> draws. It runs twice: a layout pass finds the CJK glyphs
    /// the text needs, so the PDF embeds only those (and no CJK font at all when there are none).
    /// </summary>
    public static byte[] Write(DocumentAssets assets, string title, string author, DateOnly date, Action<PdfPainter, PdfPages> drawPages)
    {
        HashSet<ushort> cjkGlyphs;
        using (var layout = new PdfPainter(assets))
        {
            drawPages(layout, new PdfPages(null));
            cjkGlyphs = layout.CjkGlyphs;
        }
        using var cjk = cjkGlyphs.Count > 0 ? assets.CjkSubset(cjkGlyphs) : null;
        using var painter = new PdfPainter(assets, cjk);

        using var output = new MemoryStream();
        var created = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var metadata = new SKDocumentPdfMetadata(300f)
        {
            Title = title,
            Author = author,
            Creator = author,
            Producer = author,
            Creation = created,
            Modified = created,
        };
        using (var document = SKDocument.CreatePdf(output, metadata))
        {
            drawPages(painter, new PdfPages(document));
            document.Close();
        }
        return output.ToArray();
    }
}

/// <summary>Starts and ends A4 pages; in the layout pass there is no document and pages have no canvas.</summary>
internal sealed class PdfPages(SKDocument? document)
{
    public SKCanvas? Begin() => document?.BeginPage(PdfStyle.PageWidth, PdfStyle.PageHeight);

    public void End() => document?.EndPage();
}
