using System.IO.Compression;
using System.Text;
using WarrantyPortal.Features.BatchImport;
using static WarrantyPortal.Tests.Features.BatchImport.BatchImportKit;

namespace WarrantyPortal.Tests.Features.BatchImport;

public class SerialListReaderRefusalTests
{
    [Fact]
    public async Task ReadAsync_EmptyFile_Refused()
    {
        var result = await ReadAsync([]);

        Assert.Equal(ImportProblemCode.EmptyFile, result.Error?.Code);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public async Task ReadAsync_OnlyBomAndBlankLines_RefusedAsEmpty()
    {
        var result = await ReadAsync([0xEF, 0xBB, 0xBF, (byte)'\r', (byte)'\n', (byte)' ', (byte)';', (byte)'\n']);

        Assert.Equal(ImportProblemCode.EmptyFile, result.Error?.Code);
    }

    [Fact]
    public async Task ReadAsync_LibreOfficeXls_RefusedWithSaveAsXlsxAdvice()
    {
        var result = await ReadTestFileAsync("lo-legacy.xls");

        Assert.Equal(ImportProblemCode.LegacyXls, result.Error?.Code);
        Assert.Contains(".xlsx", result.Error!.Message);
    }

    [Fact]
    public async Task ReadAsync_EncryptedPackageCompoundFile_RefusedAsPasswordProtected()
    {
        var result = await ReadAsync(EncryptedWorkbook());

        Assert.Equal(ImportProblemCode.PasswordProtected, result.Error?.Code);
        Assert.Contains("password", result.Error!.Message);
    }

    [Fact]
    public async Task ReadAsync_LibreOfficeOds_RefusedWithSaveAsAdvice()
    {
        var result = await ReadTestFileAsync("lo-spreadsheet.ods");

        Assert.Equal(ImportProblemCode.OpenDocumentSpreadsheet, result.Error?.Code);
    }

    [Fact]
    public async Task ReadAsync_RenamedPng_RefusedAsNotASpreadsheet()
    {
        var result = await ReadAsync(Png());

        Assert.Equal(ImportProblemCode.NotASpreadsheet, result.Error?.Code);
    }

    [Fact]
    public async Task ReadAsync_ZipThatIsNotAWorkbook_RefusedAsNotASpreadsheet()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            w.Write("<document/>");
        }

        var result = await ReadAsync(output.ToArray());

        Assert.Equal(ImportProblemCode.NotASpreadsheet, result.Error?.Code);
    }

    [Fact]
    public async Task ReadAsync_WordDocumentRenamedXlsx_RefusedAsNotASpreadsheet()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string content)
            {
                using var w = new StreamWriter(zip.CreateEntry(path).Open());
                w.Write(content);
            }
            Add("_rels/.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            Add("word/document.xml", """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>SN</w:t></w:r></w:p></w:body></w:document>""");
        }

        var result = await ReadAsync(output.ToArray());

        Assert.Equal(ImportProblemCode.NotASpreadsheet, result.Error?.Code);
    }

    [Fact]
    public void CheckSize_BrowserReportsOver20MB_RefusesBeforeReading()
    {
        Assert.Null(Reader().CheckSize(SerialListLimits.Default.MaxFileBytes));
        Assert.Equal(ImportProblemCode.FileTooLarge, Reader().CheckSize(SerialListLimits.Default.MaxFileBytes + 1)?.Code);
    }

    [Fact]
    public async Task ReadAsync_TruncatedWorkbook_RefusedAsDamaged()
    {
        var bytes = File.ReadAllBytes(TestFile("lo-numeric-uids.xlsx"));

        var result = await ReadAsync(bytes[..(bytes.Length / 2)]);

        Assert.Equal(ImportProblemCode.DamagedWorkbook, result.Error?.Code);
    }

    [Theory]
    [InlineData("lo-numeric-uids.xlsx")]
    [InlineData("lo-second-sheet.xlsx")]
    [InlineData("lo-semicolon-1252.csv")]
    public async Task ReadAsync_CorruptedBytes_AnswersWithoutThrowing(string name)
    {
        var original = File.ReadAllBytes(TestFile(name));
        var random = new Random(20261123);
        for (var i = 0; i < 150; i++)
        {
            var bytes = (byte[])original.Clone();
            for (var flips = random.Next(1, 8); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var result = await ReadAsync(bytes);

            Assert.True(result.Succeeded ? result.Rows.Count > 0 : result.Rows.Count == 0);
        }
    }

    [Fact]
    public async Task ReadAsync_MalformedSheetXml_RefusedAsDamaged()
    {
        var result = await ReadAsync(MinimalXlsx("""<row r="1"><c r="A1" t="inlineStr"><is><t>SN</t></is></c></row><row r="2"><c>"""));

        Assert.Equal(ImportProblemCode.DamagedWorkbook, result.Error?.Code);
    }

    [Fact]
    public async Task ReadAsync_SeekableOver20MB_RefusedWithoutReading()
    {
        var upload = new MemoryStream(new byte[SerialListLimits.Default.MaxFileBytes + 1]);

        var result = await Reader().ReadAsync(upload);

        Assert.Equal(ImportProblemCode.FileTooLarge, result.Error?.Code);
        Assert.Equal(0, upload.Position);
        Assert.Contains("20 MB", result.Error!.Message);
    }

    [Fact]
    public async Task ReadAsync_EndlessUpload_StopsJustPastTheLimit()
    {
        var limits = SerialListLimits.Default with { MaxFileBytes = 1024 * 1024 };
        var upload = new ForwardOnlyStream(new EndlessStream());

        var result = await Reader(limits).ReadAsync(upload);

        Assert.Equal(ImportProblemCode.FileTooLarge, result.Error?.Code);
        Assert.InRange(upload.BytesRead, limits.MaxFileBytes, limits.MaxFileBytes + 128 * 1024);
    }

    [Fact]
    public async Task ReadAsync_ForwardOnlyUploadWithinLimits_Reads()
    {
        var upload = new ForwardOnlyStream(new MemoryStream(Encoding.UTF8.GetBytes("SN\nA1\n")));

        var result = await Reader().ReadAsync(upload);

        Assert.Equal(["A1"], Serials(result));
    }

    [Fact]
    public async Task ReadAsync_CsvOver100000Rows_Refused()
    {
        var csv = new StringBuilder("SN\n");
        for (var i = 0; i <= SerialListLimits.Default.MaxRows; i++) csv.Append(700000000000L + i).Append('\n');

        var result = await ReadTextAsync(csv.ToString());

        Assert.Equal(ImportProblemCode.TooManyRows, result.Error?.Code);
        Assert.Empty(result.Rows);
        Assert.Contains("100,000", result.Error!.Message);
    }

    [Fact]
    public async Task ReadAsync_CsvOfExactly100000Rows_Reads()
    {
        var csv = new StringBuilder("SN\n");
        for (var i = 0; i < SerialListLimits.Default.MaxRows; i++) csv.Append(700000000000L + i).Append('\n');

        var result = await ReadTextAsync(csv.ToString());

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(SerialListLimits.Default.MaxRows, result.Rows.Count);
    }

    [Fact]
    public async Task ReadAsync_ZipBombWithHonestSizes_RefusedFromItsDirectory()
    {
        var bomb = ZipBomb(64L * 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");

        var result = await ReadAsync(bomb);

        Assert.Equal(ImportProblemCode.SuspiciousArchive, result.Error?.Code);
    }

    [Fact]
    public async Task ReadAsync_ZipBombOverTheInflateCap_Refused()
    {
        var bomb = ZipBomb(SerialListLimits.Default.MaxInflatedBytes + 1024 * 1024);

        var result = await ReadAsync(bomb, SerialListLimits.Default with { MaxCompressionRatio = int.MaxValue });

        Assert.Equal(ImportProblemCode.SuspiciousArchive, result.Error?.Code);
    }

    [Fact]
    public async Task ReadAsync_ZipBombLyingAboutItsSize_ReadsNoFurtherThanDeclaredAndRefuses()
    {
        var bomb = LieAboutSize(ZipBomb(64L * 1024 * 1024), "xl/worksheets/sheet1.xml", 4096);

        var result = await ReadAsync(bomb);

        // The sheet is cut at its declared 4 KB, which leaves its XML unfinished.
        Assert.Equal(ImportProblemCode.DamagedWorkbook, result.Error?.Code);
    }

    [Fact]
    public void CappedReadStream_PartInflatesPastItsLimit_Refuses()
    {
        using var capped = new CappedReadStream(new EndlessStream(), partLimit: 1024 * 1024, new InflateBudget(long.MaxValue));

        var refused = Assert.Throws<ImportRefusedException>(() => capped.CopyTo(Stream.Null));

        Assert.Equal(ImportProblemCode.SuspiciousArchive, refused.Code);
        Assert.InRange(capped.BytesRead, 1024 * 1024, 1024 * 1024 + 128 * 1024);
    }

    [Fact]
    public void CappedReadStream_PartsTogetherPastTheWorkbookBudget_Refuses()
    {
        var budget = new InflateBudget(3 * 1024 * 1024);
        var buffer = new byte[64 * 1024];
        using var first = new CappedReadStream(new EndlessStream(), partLimit: 2 * 1024 * 1024, budget);
        for (var read = 0; read < 2 * 1024 * 1024; read += first.Read(buffer)) { }
        using var second = new CappedReadStream(new EndlessStream(), partLimit: 2 * 1024 * 1024, budget);

        var refused = Assert.Throws<ImportRefusedException>(() => second.CopyTo(Stream.Null));

        Assert.Equal(ImportProblemCode.SuspiciousArchive, refused.Code);
        Assert.InRange(second.BytesRead, 1024 * 1024, 1024 * 1024 + 128 * 1024);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Reader().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("SN\nA1\n")), cancellationToken: cts.Token));
    }
}
