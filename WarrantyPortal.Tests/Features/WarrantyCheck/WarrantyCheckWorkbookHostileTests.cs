using System.IO.Compression;
using System.Text;
using WarrantyPortal.Features.WarrantyCheck;

namespace WarrantyPortal.Tests.Features.WarrantyCheck;

/// <summary>The public check reads uploads from anyone: crafted workbooks are refused before the workbook library sees them.</summary>
public class WarrantyCheckWorkbookHostileTests
{
    private static MemoryStream Template() => new(WarrantyCheckWorkbook.Template());

    /// <summary>The template with one part replaced (or added).</summary>
    private static MemoryStream WithPart(string name, Action<Stream> write)
    {
        var ms = new MemoryStream();
        Template().CopyTo(ms);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(name)?.Delete();
            using var part = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
            write(part);
        }
        ms.Position = 0;
        return ms;
    }

    [Fact]
    public void Read_Template_ReadsItsSerialNumber()
    {
        var (serials, problem) = WarrantyCheckWorkbook.Read(Template(), 500);

        Assert.Null(problem);
        Assert.Equal(["702000096622"], serials);
    }

    [Fact]
    public void Read_SmallWorkbookWhoseSheetInflatesPast16MB_RefusedAsSuspicious()
    {
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 1024 * 1024));
        using var bomb = WithPart("xl/worksheets/sheet1.xml", s =>
        {
            for (var i = 0; i < 40; i++) s.Write(chunk);
        });
        Assert.True(bomb.Length < WarrantyCheckWorkbook.MaxUploadBytes / 10, $"the crafted file is {bomb.Length} bytes");

        var (serials, problem) = WarrantyCheckWorkbook.Read(bomb, 500);

        Assert.Equal(UploadProblem.Suspicious, problem);
        Assert.Empty(serials);
    }

    [Fact]
    public void Read_ManySmallPartsAddingUpPast16MB_RefusedAsSuspicious()
    {
        var ms = new MemoryStream();
        Template().CopyTo(ms);
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Update, leaveOpen: true))
        {
            var chunk = new byte[1024 * 1024];
            for (var i = 0; i < 20; i++)
            {
                using var part = zip.CreateEntry($"customXml/item{i}.xml", CompressionLevel.SmallestSize).Open();
                part.Write(chunk);
            }
        }
        ms.Position = 0;

        Assert.Equal(UploadProblem.Suspicious, WarrantyCheckWorkbook.Read(ms, 500).Problem);
    }

    [Fact]
    public void Read_EntityExpansionInTheSheet_RefusedAsNotAWorkbook()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
            <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
            <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>SN</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>
            """;
        using var file = WithPart("xl/worksheets/sheet1.xml", s => s.Write(Encoding.UTF8.GetBytes(laughs)));

        var (serials, problem) = WarrantyCheckWorkbook.Read(file, 500);

        Assert.Equal(UploadProblem.NotAWorkbook, problem);
        Assert.Empty(serials);
    }

    [Theory]
    [InlineData("random")]
    [InlineData("truncated")]
    [InlineData("zip-without-workbook")]
    [InlineData("empty")]
    public void Read_DamagedOrForeignFile_RefusedAsNotAWorkbookWithoutThrowing(string kind)
    {
        var template = WarrantyCheckWorkbook.Template();
        byte[] bytes = kind switch
        {
            "random" => RandomBytes(50_000),
            "truncated" => template[..(template.Length / 2)],
            "zip-without-workbook" => ZipOf("readme.txt", "hello"),
            _ => [],
        };

        var (serials, problem) = WarrantyCheckWorkbook.Read(new MemoryStream(bytes), 500);

        Assert.Equal(UploadProblem.NotAWorkbook, problem);
        Assert.Empty(serials);
    }

    private static byte[] RandomBytes(int n)
    {
        var b = new byte[n];
        new Random(7).NextBytes(b);
        return b;
    }

    private static byte[] ZipOf(string name, string content)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        using (var w = new StreamWriter(zip.CreateEntry(name).Open())) w.Write(content);
        return ms.ToArray();
    }
}
