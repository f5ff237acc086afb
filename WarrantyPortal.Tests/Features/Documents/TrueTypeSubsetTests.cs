using SkiaSharp;
using WarrantyPortal.Features.Documents;

namespace WarrantyPortal.Tests.Features.Documents;

public class TrueTypeSubsetTests
{
    [Fact]
    public void CjkSubset_KeptAndDroppedGlyphs_KeepOnlyTheKeptOutlinesAndAllMetrics()
    {
        var assets = DocumentSamples.Assets;
        using var full = new SKFont(assets.Cjk, 20);
        var kept = full.GetGlyph(char.ConvertToUtf32("张", 0));
        var dropped = full.GetGlyph(char.ConvertToUtf32("海", 0));

        using var subset = assets.CjkSubset([kept]);
        using var font = new SKFont(subset, 20);

        Assert.Equal(kept, font.GetGlyph(char.ConvertToUtf32("张", 0)));
        Assert.Equal(dropped, font.GetGlyph(char.ConvertToUtf32("海", 0)));
        using var keptPath = font.GetGlyphPath(kept);
        using var droppedPath = font.GetGlyphPath(dropped);
        Assert.Equal(full.GetGlyphPath(kept).Bounds, keptPath.Bounds);
        Assert.True(droppedPath is null || droppedPath.IsEmpty);
        Assert.Equal(full.MeasureText("张海", null), font.MeasureText("张海", null));
    }
}
