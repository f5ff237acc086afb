using System.Diagnostics;
using SkiaSharp;
using UglyToad.PdfPig;
using WarrantyPortal.Features.Documents;

namespace WarrantyPortal.Tests.Features.Documents;

public class CertificatePdfTests
{
    private readonly CertificatePdf _renderer = new(DocumentSamples.Assets);

    [Fact]
    public void Render_LatinCertificate_PrintsEveryField()
    {
        var pdf = _renderer.Render(DocumentSamples.Certificate());
        DocumentSamples.Keep(pdf, "certificate-sample");

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var text = document.GetPage(1).Text;
        foreach (var expected in new[]
                 {
                     "WC-2026-000123", "Marie Dupont", "12 rue des Tilleuls", "69003 Lyon", "SN7K2026A00451",
                     "SolarEdge SE5000H-RW000BNN4", "15 March 2024", "14 March 2036", "14 March 2044",
                     "Extension to 20 years", "ORD-2026-004217", "23 November 2026",
                     "https://warranty.example.com/verify/WC-2026-000123",
                 })
        {
            Assert.Contains(expected, text);
        }
    }

    [Fact]
    public void Render_LatinCertificate_StaysUnder300KbWithoutTheCjkFont()
    {
        var pdf = _renderer.Render(DocumentSamples.Certificate());

        Assert.True(pdf.Length < 300 * 1024, $"The certificate is {pdf.Length / 1024} KB.");
        using var document = PdfDocument.Open(pdf);
        Assert.DoesNotContain(document.GetPage(1).Letters, l => l.FontName?.Contains("WenQuanYi") == true);
    }

    [Fact]
    public void Render_ChineseHolderAndAddress_DrawsThemWithTheCjkFontAndLatinWithNotoSans()
    {
        var data = DocumentSamples.Certificate(holder: "张伟 (Zhang Wei)", address: ["上海市浦东新区世纪大道100号", "200120 上海", "中国"]);

        var pdf = _renderer.Render(data);
        DocumentSamples.Keep(pdf, "certificate-chinese-sample");

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Contains("张伟", page.Text);
        Assert.Contains("上海市浦东新区世纪大道100号", page.Text);
        // The address is drawn with the CJK font itself; the bold name with its outlines emboldened (a Type 3 font).
        var address = page.Letters.Where(l => l.Value is "浦" or "东").ToList();
        Assert.Equal(2, address.Count);
        Assert.All(address, l => Assert.Contains("WenQuanYiMicroHei", l.FontName));
        var name = page.Letters.Where(l => l.Value is "张" or "伟").ToList();
        Assert.Equal(2, name.Count);
        Assert.All(name, l => Assert.DoesNotContain("NotoSans", l.FontName));
        // Only the glyphs used are embedded, not the whole 4 MB CJK font.
        Assert.True(pdf.Length < 400 * 1024, $"The certificate is {pdf.Length / 1024} KB.");
        var latin = page.Letters.Where(l => l.Value is "Z" or "W").ToList();
        Assert.All(latin, l => Assert.Contains("NotoSans", l.FontName));
    }

    [Theory]
    [InlineData("山田太郎", "東京都千代田区丸の内1-1")]          // Japanese
    [InlineData("김민준", "서울특별시 강남구 테헤란로 152")]     // Korean
    [InlineData("陳志明", "臺北市信義區信義路五段7號")]            // Traditional Chinese
    [InlineData("Ιωάννης Παπαδόπουλος", "Λεωφόρος Κηφισίας 12, Αθήνα")] // Greek
    [InlineData("Дмитрий Иванов", "ул. Тверская, 7, Москва")]     // Cyrillic
    [InlineData("Nguyễn Thị Hương", "Đường Lê Lợi, Quận 1, TP. Hồ Chí Minh")] // Vietnamese
    public void Render_NamesInOtherScripts_PrintWithRealGlyphs(string holder, string street)
    {
        var pdf = _renderer.Render(DocumentSamples.Certificate(holder: holder, address: [street]));

        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        Assert.Contains(holder, page.Text);
        Assert.Contains(street, page.Text);
        using var regular = new SKFont(DocumentSamples.Assets.Regular);
        using var cjk = new SKFont(DocumentSamples.Assets.Cjk);
        Assert.All((holder + street).EnumerateRunes(), r =>
            Assert.True(regular.ContainsGlyph(r.Value) || cjk.ContainsGlyph(r.Value), $"No font draws U+{r.Value:X4}."));
    }

    [Fact]
    public void Render_ManyCertificatesAtOnce_EachCarriesItsOwnNumber()
    {
        var numbers = Enumerable.Range(1, 8).Select(i => $"WC-2026-{i:D6}").ToArray();

        var pdfs = numbers.AsParallel().Select(n => (n, Pdf: _renderer.Render(DocumentSamples.Certificate() with { CertificateNumber = n }))).ToList();

        Assert.All(pdfs, r =>
        {
            using var document = PdfDocument.Open(r.Pdf);
            Assert.Contains($"/verify/{r.n}", document.GetPage(1).Text);
        });
    }

    [Fact]
    public void Render_French_UsesFrenchLabelsAndDates()
    {
        using var document = PdfDocument.Open(_renderer.Render(DocumentSamples.Certificate(culture: "fr")));
        var text = document.GetPage(1).Text;

        Assert.Contains("Certificat de garantie", text);
        Assert.Contains("14 mars 2044", text);
        Assert.Contains("Numéro de série", text);
    }

    [Fact]
    public void Render_QrCodeImage_EncodesTheVerificationAddress()
    {
        var data = DocumentSamples.Certificate();

        using var document = PdfDocument.Open(_renderer.Render(data));

        var expected = VerificationQrCode.Create(data.VerificationUrl).ModuleMatrix;
        var other = VerificationQrCode.Create(CertificateDocument.VerificationUrlFor(data.PublicBaseUrl, "WC-2026-000124")).ModuleMatrix;
        var modules = document.GetPage(1).GetImages()
            .Select(image => image.TryGetPng(out var png) ? ReadModules(png, expected.Count) : null)
            .Where(m => m is not null)
            .ToList();
        Assert.Contains(modules, m => Same(m!, expected));
        Assert.DoesNotContain(modules, m => Same(m!, other));
        Assert.Equal("https://warranty.example.com/verify/WC-2026-000123", data.VerificationUrl);
    }

    [Fact]
    public void Render_Certificate_RendersToAnA4PngWithPoppler()
    {
        var dir = Directory.CreateTempSubdirectory("certificate-render-");
        var pdfPath = Path.Combine(dir.FullName, "certificate.pdf");
        File.WriteAllBytes(pdfPath, _renderer.Render(DocumentSamples.Certificate()));

        var pdftoppm = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", "50", "-png", "-singlefile", pdfPath, Path.Combine(dir.FullName, "page")])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("pdftoppm did not start (install poppler-utils).");
        var errors = pdftoppm.StandardError.ReadToEnd();
        pdftoppm.WaitForExit();

        Assert.True(pdftoppm.ExitCode == 0, errors);
        using var bitmap = SKBitmap.Decode(Path.Combine(dir.FullName, "page.png"));
        Assert.InRange(bitmap.Width, 413, 414);  // 595.28 pt at 50 dpi
        Assert.InRange(bitmap.Height, 584, 585); // 841.89 pt at 50 dpi
        var inked = 0;
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 600)
                {
                    inked++;
                }
            }
        }
        Assert.True(inked > 2000, $"Only {inked} sampled pixels carry ink: the page looks empty.");
        dir.Delete(recursive: true);
    }

    [Fact]
    public void Render_LongValues_StayOnOnePageAndKeepTheirKeyParts()
    {
        var data = DocumentSamples.Certificate(
            holder: "Société Coopérative d'Intérêt Collectif Énergies Renouvelables du Pays de Haute-Provence",
            address: ["Zone d'activités des Grandes Terres, bâtiment C, 2e étage, porte 14", "Chemin de la Centrale Photovoltaïque", "04100 Manosque", "France"],
            culture: "fr") with
        {
            PlanName = "Extension de garantie à 25 ans avec remplacement sur site et main-d'œuvre incluse",
            Model = "Huawei SUN2000-100KTL-M2 triphasé 100 kW avec module de communication",
        };

        var pdf = _renderer.Render(data);
        DocumentSamples.Keep(pdf, "certificate-long-sample");

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Contains("04100 Manosque", page.Text);
        Assert.Contains("Société Coopérative", page.Text);
        Assert.All(page.Letters, l => Assert.InRange(l.BoundingBox.Right, 0, page.Width - 22));
    }

    [Fact]
    public void Render_NewEndBeforeBaseEnd_SaysWhichDatesAreWrong()
    {
        var data = DocumentSamples.Certificate() with { NewWarrantyEnd = new DateOnly(2030, 1, 1) };

        var error = Assert.Throws<ArgumentException>(() => _renderer.Render(data));

        Assert.Contains("2030-01-01", error.Message);
        Assert.Contains("2036-03-14", error.Message);
    }

    [Theory]
    [InlineData("https://warranty.example.com/", "WC-2026-000123", "https://warranty.example.com/verify/WC-2026-000123")]
    [InlineData("http://localhost:5033", "WC 7/1", "http://localhost:5033/verify/WC%207%2F1")]
    public void VerificationUrlFor_BaseAndNumber_JoinsThemSafely(string baseUrl, string number, string expected)
    {
        Assert.Equal(expected, CertificateDocument.VerificationUrlFor(baseUrl, number));
    }

    [Theory]
    [InlineData("WC-2026-000123", "WC-2026-000123.pdf")]
    [InlineData("WC/2026 7", "WC-2026-7.pdf")]
    public void FileName_CertificateNumber_IsASafeDownloadName(string number, string expected)
    {
        Assert.Equal(expected, (DocumentSamples.Certificate() with { CertificateNumber = number }).FileName);
    }

    /// <summary>Samples the centre of each module of a QR image that includes its quiet zone.</summary>
    private static bool[,]? ReadModules(byte[] png, int size)
    {
        using var bitmap = SKBitmap.Decode(png);
        if (bitmap is null || bitmap.Width != bitmap.Height || bitmap.Width % size != 0)
        {
            return null;
        }
        var module = bitmap.Width / size;
        var result = new bool[size, size];
        for (var row = 0; row < size; row++)
        {
            for (var col = 0; col < size; col++)
            {
                var c = bitmap.GetPixel(col * module + module / 2, row * module + module / 2);
                result[row, col] = c.Red + c.Green + c.Blue < 384;
            }
        }
        return result;
    }

    private static bool Same(bool[,] modules, List<System.Collections.BitArray> expected)
    {
        for (var row = 0; row < expected.Count; row++)
        {
            for (var col = 0; col < expected.Count; col++)
            {
                if (modules[row, col] != expected[row][col])
                {
                    return false;
                }
            }
        }
        return true;
    }
}
