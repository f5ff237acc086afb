using System.Text;
using WarrantyPortal.Features.BatchImport;
using WarrantyPortal.Features.Notifications;
using static WarrantyPortal.Tests.Features.BatchImport.BatchImportKit;

namespace WarrantyPortal.Tests.Features.BatchImport;

public class SerialListReaderCsvTests
{
    [Fact]
    public async Task ReadAsync_LibreOfficeSemicolonWindows1252_ReadsAccentedHeaderAndColumns()
    {
        var result = await ReadTestFileAsync("lo-semicolon-1252.csv");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(SerialListFormat.Csv, result.Format);
        Assert.Equal(["QS1A-000-1234", "QS1A0001235"], Serials(result));
        Assert.Equal("QS1A0001234", result.Rows[0].NormalisedSerial);
        Assert.Equal(["EXT5", "EXT10"], result.Rows.Select(r => r.PlanCode));
        Assert.Equal([null, "ECU-77"], result.Rows.Select(r => r.GatewaySerial));
        Assert.Equal([2, 3], result.Rows.Select(r => r.LineNumber));
    }

    [Fact]
    public async Task ReadAsync_LibreOfficeUtf16TabText_ReadsSerials()
    {
        var result = await ReadTestFileAsync("lo-utf16-tab.txt");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(["702000096622", "702000098111"], Serials(result));
        Assert.False(result.HasPlanColumn);
    }

    [Theory]
    [InlineData("utf-16BE")]
    [InlineData("utf-16")]
    [InlineData("utf-8")]
    public async Task ReadAsync_EncodingWithBom_ReadsNonAsciiText(string encodingName)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Seriennummer\tPlan\r\nÄÖ-702000096622\tEXT5\r\n")).ToArray();

        var result = await ReadAsync(bytes);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("ÄÖ-702000096622", Assert.Single(result.Rows).SerialAsWritten);
        Assert.Equal("EXT5", result.Rows[0].PlanCode);
    }

    [Fact]
    public async Task ReadAsync_Windows1252WithoutBom_DecodesAccents()
    {
        var encoding = CodePagesEncoding(1252);
        var result = await ReadTextAsync("N° de série;Plan\nSÉRIE-1;EXT5\n", encoding);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("SÉRIE-1", Assert.Single(result.Rows).SerialAsWritten);
    }

    [Fact]
    public async Task ReadAsync_Utf16WithoutBom_IsRecognised()
    {
        var result = await ReadAsync(Encoding.Unicode.GetBytes("SN\n702000096622\n702000098111\n"));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(["702000096622", "702000098111"], Serials(result));
    }

    [Theory]
    [InlineData("SN")]
    [InlineData("S/N")]
    [InlineData("sn")]
    [InlineData("Serial")]
    [InlineData("  Serial   number ")]
    [InlineData("SERIAL NO.")]
    [InlineData("Serial No")]
    [InlineData("UID")]
    [InlineData("Numéro de série")]
    [InlineData("numero de serie")]
    [InlineData("Seriennummer")]
    [InlineData("序列号")]
    [InlineData("SN (required)")]
    public async Task ReadAsync_HeaderVariant_FindsSerialColumn(string header)
    {
        var result = await ReadTextAsync($"Customer,{header}\nACME,702000096622\n");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("702000096622", Assert.Single(result.Rows).SerialAsWritten);
    }

    [Theory]
    [InlineData("Gateway/ECU")]
    [InlineData("ECU")]
    [InlineData("gateway")]
    public async Task ReadAsync_GatewayHeaderVariant_ReadsGatewayColumn(string header)
    {
        var result = await ReadTextAsync($"SN;{header};plan\n702000096622;215000012345;EXT5\n");

        Assert.True(result.HasGatewayColumn);
        Assert.Equal("215000012345", Assert.Single(result.Rows).GatewaySerial);
        Assert.Equal("EXT5", result.Rows[0].PlanCode);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public async Task ReadAsync_LineEnding_NumbersLinesLikeTheFile(string eol)
    {
        var result = await ReadTextAsync($"SN{eol}A1{eol}{eol}A2{eol}");

        Assert.Equal(["A1", "A2"], Serials(result));
        Assert.Equal([2, 4], result.Rows.Select(r => r.LineNumber));
    }

    [Fact]
    public async Task ReadAsync_TitleLinesAboveHeader_FindsHeaderFurtherDown()
    {
        var result = await ReadTextAsync("Order for ACME\r\nDate,2026-11-23\r\n\r\nSN,Plan\r\nA1,EXT5\r\n");

        Assert.Equal("A1", Assert.Single(result.Rows).SerialAsWritten);
        Assert.Equal(5, result.Rows[0].LineNumber);
    }

    [Fact]
    public async Task ReadAsync_QuotedFieldsAndPadding_AreUnquotedAndTrimmed()
    {
        var csv = "\"SN\" , \"Plan\", Gateway/ECU\r\n" +
                  "  \"A 1, with comma\" ,  EXT5  ,\r\n" +
                  "\"A\"\"2\"\"\",\"multi\nline\",\r\n" +
                  ",,\r\n" +
                  "  A3  ,,\r\n";

        var result = await ReadTextAsync(csv);

        Assert.Equal(["A 1, with comma", "A\"2\"", "A3"], Serials(result));
        Assert.Equal("EXT5", result.Rows[0].PlanCode);
        Assert.Equal("multi\nline", result.Rows[1].PlanCode);
        Assert.Equal([2, 3, 6], result.Rows.Select(r => r.LineNumber));
    }

    [Fact]
    public async Task ReadAsync_ExcelFormulaGuard_KeepsDigits()
    {
        var result = await ReadTextAsync("SN,ECU\n=\"702000096622\",=\"215000012345\"\n");

        Assert.Equal("702000096622", Assert.Single(result.Rows).SerialAsWritten);
        Assert.Equal("215000012345", result.Rows[0].GatewaySerial);
    }

    [Fact]
    public async Task ReadAsync_ExponentFromSpreadsheet_RefusesFileWithHowToFix()
    {
        var result = await ReadTestFileAsync("excel-exponent.csv");

        Assert.False(result.Succeeded);
        Assert.Empty(result.Rows);
        Assert.Equal(ImportProblemCode.ScientificNotation, result.Error!.Code);
        Assert.Equal(2, result.Error.LineNumber);
        Assert.Contains("7.02E+11", result.Error.Message);
        Assert.Contains("as Text", result.Error.Message);
    }

    [Fact]
    public async Task ReadAsync_SerialThatOnlyContainsAnE_IsNotTakenForAnExponent()
    {
        var result = await ReadTextAsync("SN\n12E34\n7E5-0001\n");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(["12E34", "7E5-0001"], Serials(result));
    }

    [Fact]
    public async Task ReadAsync_DuplicatesAfterNormalising_ReportedOnEachLaterLine()
    {
        var result = await ReadTextAsync("SN\n702000096622\nQS1A-1\n702-000 096622\nqs1a1\n702000096622\n");

        Assert.True(result.Succeeded);
        Assert.Equal(3, result.DuplicateCount);
        Assert.Null(result.Rows[0].Problem);
        Assert.Null(result.Rows[1].Problem);
        var lines = result.Rows.Where(r => r.IsDuplicate).Select(r => (r.LineNumber, r.Problem!.LineNumber)).ToArray();
        Assert.Equal([(4, 4), (5, 5), (6, 6)], lines);
        Assert.Contains("line 2", result.Rows[2].Problem!.Message);
        Assert.Contains("line 3", result.Rows[3].Problem!.Message);
        Assert.Contains("line 2", result.Rows[4].Problem!.Message);
    }

    [Fact]
    public async Task ReadAsync_LineWithPlanButNoSerial_FlagsThatLine()
    {
        var result = await ReadTextAsync("SN,Plan\nA1,EXT5\n,EXT5\n");

        Assert.True(result.Succeeded);
        Assert.Equal(ImportProblemCode.SerialMissing, result.Rows[1].Problem?.Code);
        Assert.Equal(3, result.Rows[1].LineNumber);
    }

    [Fact]
    public async Task ReadAsync_RepeatedHeaderRow_IsSkipped()
    {
        var result = await ReadTextAsync("SN\nA1\nSN\nA2\n");

        Assert.Equal(["A1", "A2"], Serials(result));
    }

    [Fact]
    public async Task ReadAsync_NoSerialHeader_RefusesWithHowToFix()
    {
        var result = await ReadTextAsync("Device,Plan\n702000096622,EXT5\n");

        Assert.Equal(ImportProblemCode.NoSerialColumn, result.Error?.Code);
        Assert.Contains("SN", result.Error!.Message);
    }

    [Fact]
    public async Task ReadAsync_HeaderOnly_RefusedAsNoRows()
    {
        var result = await ReadAsync(Templates().Csv());

        Assert.Equal(ImportProblemCode.NoRows, result.Error?.Code);
    }

    [Fact]
    public async Task ReadAsync_FrenchCulture_MessagesInFrench()
    {
        SerialListReadResult result;
        using (CultureScope.Use("fr"))
        {
            result = await ReadTextAsync("SN\nA1\nA1\n");
        }

        Assert.Equal("Le numéro de série A1 figure déjà à la ligne 2. Supprimez cette ligne.", result.Rows[1].Problem!.Message);
    }

    [Fact]
    public async Task ReadAsync_ExcelSeparatorHintLine_IsSkipped()
    {
        var result = await ReadTextAsync("sep=;\r\nSN;Plan\r\n702000096622;EXT5\r\n");

        Assert.Equal("702000096622", Assert.Single(result.Rows).SerialAsWritten);
        Assert.Equal("EXT5", result.Rows[0].PlanCode);
    }

    [Fact]
    public async Task ReadAsync_LargeFile_ReportsProgressUpToComplete()
    {
        var csv = new StringBuilder("SN\n");
        for (var i = 0; i < 5_000; i++) csv.Append(700000000000L + i).Append('\n');
        var reports = new List<double>();

        await Reader().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), new SynchronousProgress(reports.Add));

        Assert.True(reports.Count > 3, $"{reports.Count} reports");
        Assert.Equal(reports.Order(), reports);
        Assert.Equal(1, reports[^1]);
    }

    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
