using SkiaSharp;
using static WarrantyPortal.Features.Documents.PdfStyle;

namespace WarrantyPortal.Features.Documents;

/// <summary>Renders a device's extended-warranty certificate as a one-page A4 PDF. Thread-safe.</summary>
public sealed class CertificatePdf(DocumentAssets assets)
{
    private const float QrSize = 88f;

    public byte[] Render(CertificateDocument data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (string.IsNullOrWhiteSpace(data.CertificateNumber))
        {
            throw new ArgumentException("The certificate needs a number.", nameof(data));
        }
        if (data.NewWarrantyEnd < data.BaseWarrantyEnd)
        {
            throw new ArgumentException(
                $"Certificate {data.CertificateNumber}: the new end date {data.NewWarrantyEnd:yyyy-MM-dd} is before the base warranty's end {data.BaseWarrantyEnd:yyyy-MM-dd}.",
                nameof(data));
        }

        var text = new DocumentLabels(data.Culture);
        using var qr = SKImage.FromEncodedData(VerificationQrCode.Png(data.VerificationUrl));
        return Write(assets, $"{text["CertificateTitle"]} {data.CertificateNumber}", Producer, data.IssueDate, (painter, pages) =>
        {
            painter.Canvas = pages.Begin();
            Draw(painter, data, text, qr);
            pages.End();
        });
    }

    private void Draw(PdfPainter p, CertificateDocument data, DocumentLabels text, SKImage qr)
    {
        // Frame: a brand-coloured border with a fine gold line inside.
        p.Stroke(new SKRect(22, 22, PageWidth - 22, PageHeight - 22), Brand, 1.4f, 6);
        p.Stroke(new SKRect(27, 27, PageWidth - 27, PageHeight - 27), Accent, 0.6f, 4);

        var right = PageWidth - Margin;
        p.Logo(assets.Logo, Margin, 48, 34);
        p.Text(text["CertificateNumber"].ToUpperInvariant(), right, 60, 7.5f, Muted, bold: true, Align.Right);
        p.Text(data.CertificateNumber, right, 78, 14, Brand, bold: true, Align.Right);

        var y = 118f;
        p.Fill(SKRect.Create(Margin, y - 14, 36, 3), Accent);
        p.Text(text["CertificateKicker"].ToUpperInvariant(), Margin, y + 6, 9, Brand, bold: true);
        p.Text(text["CertificateTitle"], Margin, y + 40, 28, Ink, bold: true);
        y += 64;
        foreach (var line in p.Wrap(text.Format("CertificateIntro", text.Date(data.NewWarrantyEnd).Replace(' ', '\u00a0')), ContentWidth, 10.5f))
        {
            p.Text(line, Margin, y, 10.5f, Muted);
            y += 15;
        }

        y += 8;
        DrawCoverBand(p, data, text, y);
        y += 104;

        DrawParties(p, data, text, y);
        y += 132;

        DrawTimeline(p, data, text, y);
        y += 90;

        var rows = new (string Label, string Value)[]
        {
            (text["Plan"], data.PlanName),
            (text["OrderNumber"], data.OrderNumber),
            (text["CertificateNumber"], data.CertificateNumber),
            (text["IssueDate"], text.Date(data.IssueDate)),
        };
        foreach (var (label, value) in rows)
        {
            p.Line(Margin, y, right, y, Rule);
            p.Text(label, Margin, y + 16, 9.5f, Muted);
            var lines = p.Wrap(value, ContentWidth - 150, 10, bold: true, maxLines: 2);
            for (var i = 0; i < lines.Count; i++)
            {
                p.Text(lines[i], Margin + 150, y + 16 + i * 13, 10, Ink, bold: true);
            }
            y += 24 + (lines.Count - 1) * 13;
        }
        p.Line(Margin, y, right, y, Rule);

        DrawVerification(p, data, text, qr);

        p.Text(text.Format("CertificateFooter", data.CertificateNumber, text.Date(data.IssueDate)),
            PageWidth / 2, PageHeight - 40, 7.5f, Muted, align: Align.Center);
    }

    private static void DrawCoverBand(PdfPainter p, CertificateDocument data, DocumentLabels text, float y)
    {
        var band = SKRect.Create(Margin, y, ContentWidth, 76);
        p.Fill(band, Tint, 6);
        p.Fill(SKRect.Create(Margin, y, 5, 76), Brand);
        p.Text(text["CoveredUntil"].ToUpperInvariant(), Margin + 22, y + 24, 8, Muted, bold: true);
        p.Text(text.Date(data.NewWarrantyEnd), Margin + 22, y + 56, 24, Brand, bold: true);

        var planX = Margin + ContentWidth * 0.56f;
        p.Line(planX - 16, y + 14, planX - 16, y + 62, Rule);
        p.Text(text["Plan"].ToUpperInvariant(), planX, y + 24, 8, Muted, bold: true);
        var planLines = p.Wrap(data.PlanName, band.Right - planX - 14, 13, bold: true, maxLines: 2);
        for (var i = 0; i < planLines.Count; i++)
        {
            p.Text(planLines[i], planX, y + 46 + i * 17, 13, Ink, bold: true);
        }
    }

    private static void DrawParties(PdfPainter p, CertificateDocument data, DocumentLabels text, float y)
    {
        var columnWidth = ContentWidth / 2 - 14;
        var deviceX = Margin + ContentWidth / 2 + 14;

        p.Text(text["Holder"].ToUpperInvariant(), Margin, y, 8, Muted, bold: true);
        p.Line(Margin, y + 7, Margin + columnWidth, y + 7, Rule);
        var ly = y + 28;
        var nameLines = p.Wrap(data.HolderName, columnWidth, 13, bold: true, maxLines: 2);
        foreach (var line in nameLines)
        {
            p.Text(line, Margin, ly, 13, Ink, bold: true);
            ly += 17;
        }
        p.Text(text["InstallationAddress"], Margin, ly + 4, 8.5f, Muted);
        ly += 20;
        // The block has room for five lines of name and address together.
        var addressLines = AddressLines(p, data.InstallationAddress, columnWidth, maxLines: 5 - nameLines.Count);
        foreach (var line in addressLines)
        {
            p.Text(line, Margin, ly, 10, Ink);
            ly += 14;
        }

        p.Text(text["Device"].ToUpperInvariant(), deviceX, y, 8, Muted, bold: true);
        p.Line(deviceX, y + 7, deviceX + columnWidth, y + 7, Rule);
        p.Text(text["Model"], deviceX, y + 24, 8.5f, Muted);
        var dy = y + 41;
        foreach (var line in p.Wrap(data.Model, columnWidth, 13, bold: true, maxLines: 2))
        {
            p.Text(line, deviceX, dy, 13, Ink, bold: true);
            dy += 17;
        }
        p.Text(text["SerialNumber"], deviceX, dy + 6, 8.5f, Muted);
        p.Text(p.Fit(data.SerialNumber, columnWidth, 13, bold: true), deviceX, dy + 23, 13, Ink, bold: true);
    }

    private static List<string> AddressLines(PdfPainter p, IReadOnlyList<string> address, float width, int maxLines)
    {
        var lines = address.Where(l => !string.IsNullOrWhiteSpace(l)).SelectMany(l => p.Wrap(l, width, 10)).ToList();
        if (lines.Count <= maxLines)
        {
            return lines;
        }
        // Too long: the street lines are joined and shortened; postcode, city and country stay whole.
        var tail = lines.Skip(lines.Count - (maxLines - 1)).ToList();
        var street = p.Fit(string.Join(", ", lines.Take(lines.Count - tail.Count)), width, 10);
        return [street, .. tail];
    }

    /// <summary>The base warranty and its extension as two segments of one bar, drawn to scale.</summary>
    private static void DrawTimeline(PdfPainter p, CertificateDocument data, DocumentLabels text, float y)
    {
        p.Text(text["Coverage"].ToUpperInvariant(), Margin, y, 8, Muted, bold: true);
        p.Line(Margin, y + 7, PageWidth - Margin, y + 7, Rule);

        var barY = y + 40;
        var totalDays = Math.Max(1, data.NewWarrantyEnd.DayNumber - data.BaseWarrantyStart.DayNumber);
        var baseDays = Math.Clamp(data.BaseWarrantyEnd.DayNumber - data.BaseWarrantyStart.DayNumber, 0, totalDays);
        var split = Margin + ContentWidth * Math.Clamp(baseDays / (float)totalDays, 0.18f, 0.82f);
        p.Fill(new SKRect(Margin, barY, split, barY + 10), SKColor.Parse("#9FB3C4"), 3);
        p.Fill(new SKRect(split, barY, PageWidth - Margin, barY + 10), Brand, 3);
        p.Fill(new SKRect(split - 1, barY - 4, split + 1, barY + 14), Accent);

        p.Text(text["BaseWarranty"], Margin, barY - 8, 9, Ink, bold: true);
        p.Text(text["ExtendedWarranty"], PageWidth - Margin, barY - 8, 9, Brand, bold: true, Align.Right);
        p.Text(text.Date(data.BaseWarrantyStart), Margin, barY + 28, 9.5f, Ink);
        p.Text(text["Start"], Margin, barY + 40, 7.5f, Muted);
        p.Text(text.Date(data.BaseWarrantyEnd), split, barY + 28, 9.5f, Ink, align: Align.Center);
        p.Text(text["BaseWarrantyEnd"], split, barY + 40, 7.5f, Muted, align: Align.Center);
        p.Text(text.Date(data.NewWarrantyEnd), PageWidth - Margin, barY + 28, 9.5f, Brand, bold: true, Align.Right);
        p.Text(text["NewEndDate"], PageWidth - Margin, barY + 40, 7.5f, Muted, align: Align.Right);
    }

    private static void DrawVerification(PdfPainter p, CertificateDocument data, DocumentLabels text, SKImage qr)
    {
        var top = PageHeight - 56 - QrSize - 24;
        var box = new SKRect(Margin, top, PageWidth - Margin, top + QrSize + 24);
        p.Stroke(box, Rule, 0.8f, 6);
        var qrRect = SKRect.Create(box.Right - 12 - QrSize, box.Top + 12, QrSize, QrSize);
        p.Image(qr, qrRect, pixelExact: true);

        var x = box.Left + 18;
        var width = qrRect.Left - x - 18;
        p.Text(text["VerifyTitle"], x, box.Top + 30, 12, Ink, bold: true);
        var y = box.Top + 50;
        foreach (var line in p.Wrap(text["VerifyText"], width, 9.5f))
        {
            p.Text(line, x, y, 9.5f, Muted);
            y += 13.5f;
        }
        p.Text(p.Fit(data.VerificationUrl, width, 9.5f, bold: true), x, y + 8, 9.5f, Brand, bold: true);
    }
}
