using System.Text;
using SkiaSharp;

namespace WarrantyPortal.Features.Documents;

internal enum Align { Left, Right, Center }

/// <summary>
/// Draws text with per-run font fallback: the Latin font for what it covers, the CJK font only for the
/// characters it lacks, so a document without such text never embeds the large CJK font.
/// One instance per document being rendered; not shared between threads.
/// </summary>
internal sealed class PdfPainter : IDisposable
{
    private readonly SKFont _regular;
    private readonly SKFont _bold;
    private readonly SKFont _cjk;
    private readonly SKPaint _fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint _stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke };

    /// <param name="cjk">The CJK typeface to draw with (a per-document subset); the full one when null.</param>
    public PdfPainter(DocumentAssets assets, SKTypeface? cjk = null)
    {
        _regular = NewFont(assets.Regular);
        _bold = NewFont(assets.Bold);
        _cjk = NewFont(cjk ?? assets.Cjk);
    }

    /// <summary>The page being drawn; null for a layout pass that only collects the CJK glyphs the document needs.</summary>
    public SKCanvas? Canvas { get; set; }

    /// <summary>Every CJK glyph drawn so far.</summary>
    public HashSet<ushort> CjkGlyphs { get; } = [];

    private static SKFont NewFont(SKTypeface typeface) => new(typeface)
    {
        Subpixel = true,
        LinearMetrics = true,
        Hinting = SKFontHinting.None,
        Edging = SKFontEdging.Antialias,
    };

    /// <summary>Splits text into runs that one font can draw: the Latin font first, the CJK font where it lacks a glyph.</summary>
    private List<(string Text, SKFont Font)> Runs(string text, float size, bool bold)
    {
        var primary = bold ? _bold : _regular;
        primary.Size = size;
        _cjk.Size = size;
        _cjk.Embolden = bold;

        var runs = new List<(string, SKFont)>();
        var current = new StringBuilder();
        SKFont? currentFont = null;
        foreach (var rune in Clean(text).EnumerateRunes())
        {
            // Spaces and digits inside CJK text come from the Latin font too, which also matters to Skia:
            // an emboldened CJK run that contains a space makes it embed the CJK font a second time.
            var font = primary.ContainsGlyph(rune.Value) || !_cjk.ContainsGlyph(rune.Value) ? primary : _cjk;

            if (currentFont is not null && font != currentFont)
            {
                runs.Add((current.ToString(), currentFont));
                current.Clear();
            }
            currentFont = font;
            current.Append(rune.ToString());
        }
        if (currentFont is not null)
        {
            runs.Add((current.ToString(), currentFont));
        }
        return runs;
    }

    /// <summary>Composed form (precomposed accents draw without shaping) and no control characters.</summary>
    private static string Clean(string text)
    {
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        return normalized.Any(char.IsControl)
            ? new string(normalized.Select(c => char.IsControl(c) ? ' ' : c).ToArray())
            : normalized;
    }

    public float Measure(string text, float size, bool bold = false) =>
        Runs(text, size, bold).Sum(r => r.Font.MeasureText(r.Text, _fill));

    /// <summary>Draws one line of text with its baseline at <paramref name="y"/>; returns its width.</summary>
    public float Text(string text, float x, float y, float size, SKColor color, bool bold = false, Align align = Align.Left)
    {
        var runs = Runs(text, size, bold);
        var widths = runs.Select(r => r.Font.MeasureText(r.Text, _fill)).ToArray();
        var total = widths.Sum();
        var left = align switch
        {
            Align.Right => x - total,
            Align.Center => x - total / 2,
            _ => x,
        };
        _fill.Color = color;
        for (var i = 0; i < runs.Count; i++)
        {
            var (run, font) = runs[i];
            if (font == _cjk)
            {
                CjkGlyphs.UnionWith(font.GetGlyphs(run));
            }
            font.Embolden = font == _cjk && bold;
            Canvas?.DrawText(run, left, y, SKTextAlign.Left, font, _fill);
            left += widths[i];
        }
        return total;
    }

    /// <summary>Shortens text with an ellipsis so it fits in <paramref name="maxWidth"/>.</summary>
    public string Fit(string text, float maxWidth, float size, bool bold = false)
    {
        if (Measure(text, size, bold) <= maxWidth)
        {
            return text;
        }
        var runes = text.EnumerateRunes().ToList();
        for (var n = runes.Count - 1; n > 0; n--)
        {
            var candidate = string.Concat(runes.Take(n).Select(r => r.ToString())).TrimEnd() + "…";
            if (Measure(candidate, size, bold) <= maxWidth)
            {
                return candidate;
            }
        }
        return "…";
    }

    /// <summary>Breaks text into lines no wider than <paramref name="maxWidth"/>: at spaces, or between characters for long words and CJK.</summary>
    public List<string> Wrap(string text, float maxWidth, float size, bool bold = false)
    {
        var lines = new List<string>();
        foreach (var paragraph in Clean(text).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, size, bold) <= maxWidth)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line);
                    line = "";
                }
                foreach (var rune in word.EnumerateRunes())
                {
                    var next = line + rune;
                    if (line.Length > 0 && Measure(next, size, bold) > maxWidth)
                    {
                        lines.Add(line);
                        next = rune.ToString();
                    }
                    line = next;
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>Wraps text into at most <paramref name="maxLines"/> lines, the last one ending in an ellipsis if text was left out.</summary>
    public List<string> Wrap(string text, float maxWidth, float size, bool bold, int maxLines)
    {
        var lines = Wrap(text, maxWidth, size, bold);
        if (lines.Count <= maxLines)
        {
            return lines;
        }
        var kept = lines.Take(maxLines).ToList();
        kept[^1] = Fit(kept[^1] + " " + lines[maxLines], maxWidth - Measure("…", size, bold), size, bold);
        if (!kept[^1].EndsWith('…'))
        {
            kept[^1] += "…";
        }
        return kept;
    }

    public void Fill(SKRect rect, SKColor color, float radius = 0)
    {
        if (Canvas is null)
        {
            return;
        }
        _fill.Color = color;
        if (radius > 0)
        {
            Canvas.DrawRoundRect(rect, radius, radius, _fill);
        }
        else
        {
            Canvas.DrawRect(rect, _fill);
        }
    }

    public void Stroke(SKRect rect, SKColor color, float width, float radius = 0)
    {
        _stroke.Color = color;
        _stroke.StrokeWidth = width;
        Canvas?.DrawRoundRect(rect, radius, radius, _stroke);
    }

    public void Line(float x1, float y1, float x2, float y2, SKColor color, float width = 0.75f)
    {
        _stroke.Color = color;
        _stroke.StrokeWidth = width;
        Canvas?.DrawLine(x1, y1, x2, y2, _stroke);
    }

    public void Image(SKImage image, SKRect rect, bool pixelExact = false)
    {
        var sampling = pixelExact ? new SKSamplingOptions(SKFilterMode.Nearest) : new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);
        Canvas?.DrawImage(image, rect, sampling, null);
    }

    /// <summary>Draws the logo at the given height, keeping its proportions; returns the width used.</summary>
    public float Logo(SKImage logo, float x, float y, float height)
    {
        var width = height * logo.Width / logo.Height;
        Image(logo, SKRect.Create(x, y, width, height));
        return width;
    }

    public void Dispose()
    {
        _regular.Dispose();
        _bold.Dispose();
        _cjk.Dispose();
        _fill.Dispose();
        _stroke.Dispose();
    }
}
