using ClosedXML.Excel;
using WarrantyPortal.Features.BatchImport;
using static WarrantyPortal.Tests.Features.BatchImport.BatchImportKit;

namespace WarrantyPortal.Tests.Features.BatchImport;

public class SerialListReaderXlsxTests
{
    [Fact]
    public async Task ReadAsync_LibreOfficeNumericUidCells_ReadsEveryDigit()
    {
        var result = await ReadTestFileAsync("lo-numeric-uids.xlsx");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(SerialListFormat.Xlsx, result.Format);
        Assert.Equal(["702000096622", "702000098111", "702000101980"], Serials(result));
        Assert.Equal(["EXT5", "EXT10", null], result.Rows.Select(r => r.PlanCode));
        Assert.Equal(["215000012345", null, "215000012345"], result.Rows.Select(r => r.GatewaySerial));
        Assert.Equal([2, 3, 4], result.Rows.Select(r => r.LineNumber));
    }

    [Fact]
    public async Task ReadAsync_LibreOfficeHeaderOnSecondSheet_UsesThatSheet()
    {
        var result = await ReadTestFileAsync("lo-second-sheet.xlsx");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("Devices", result.SheetName);
        Assert.Equal(["702000096622", "qs1a-000 1234", "702000096622"], Serials(result));
        Assert.Equal("215000012345", result.Rows[0].GatewaySerial);
        Assert.Equal([2, 3, 5], result.Rows.Select(r => r.LineNumber));
        Assert.Equal(ImportProblemCode.DuplicateSerial, result.Rows[2].Problem?.Code);
    }

    [Fact]
    public async Task ReadAsync_ClosedXmlNumberAndTextCells_ReadsDigitsAndSharedStrings()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Serials");
        sheet.Cell(1, 2).SetValue("S/N");
        sheet.Cell(1, 3).SetValue("Plan");
        sheet.Cell(2, 2).SetValue(702000096622L);
        sheet.Cell(2, 3).SetValue("EXT5");
        sheet.Cell(3, 2).SetValue("QS1A-0001");
        sheet.Cell(5, 2).SetValue(123456789012345L);
        sheet.Cell(5, 2).Style.NumberFormat.Format = "0.00E+00";

        var result = await ReadAsync(Save(workbook));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(["702000096622", "QS1A-0001", "123456789012345"], Serials(result));
        Assert.Equal("EXT5", result.Rows[0].PlanCode);
        Assert.Equal([2, 3, 5], result.Rows.Select(r => r.LineNumber));
    }

    [Fact]
    public async Task ReadAsync_InlineAndRichTextStrings_AreJoinedWithoutPhonetics()
    {
        var sheet = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>Serial number</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><r><t>QS1A</t></r><r><rPr><b/></rPr><t xml:space="preserve">-0001 </t></r></is></c></row>
            <row r="3"><c r="A3" t="s"><v>0</v></c></row>
            <row r="4"><c r="A4" t="str"><f>"Q"&amp;"3"</f><v>Q3</v></c></row>
            """;
        var shared = """<si><t>序列</t><rPh sb="0" eb="2"><t>じょれつ</t></rPh></si>""";

        var result = await ReadAsync(MinimalXlsx(sheet, shared));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(["QS1A-0001", "序列", "Q3"], Serials(result));
    }

    [Fact]
    public async Task ReadAsync_NumberInExponentFormOrZeroPadded_WrittenOutInFull()
    {
        var styles = """<numFmts count="1"><numFmt numFmtId="164" formatCode="000000000000"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>""";
        var sheet = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>UID</t></is></c></row>
            <row r="2"><c r="A2"><v>7.02000096622E+11</v></c></row>
            <row r="3"><c r="A3" s="1"><v>12345</v></c></row>
            <row r="4"><c s="1"><v>702000101980</v></c></row>
            """;

        var result = await ReadAsync(MinimalXlsx(sheet, styles: styles));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(["702000096622", "000000012345", "702000101980"], Serials(result));
    }

    [Theory]
    [InlineData("1.23456789012346E+17")]
    [InlineData("1234567890123456")]
    public async Task ReadAsync_NumberLongerThanSpreadsheetPrecision_RefusedWithHowToFix(string stored)
    {
        var sheet = $"""
            <row r="1"><c r="A1" t="inlineStr"><is><t>SN</t></is></c></row>
            <row r="2"><c r="A2"><v>702000096622</v></c></row>
            <row r="3"><c r="A3"><v>{stored}</v></c></row>
            """;

        var result = await ReadAsync(MinimalXlsx(sheet));

        Assert.Equal(ImportProblemCode.ScientificNotation, result.Error?.Code);
        Assert.Equal(3, result.Error!.LineNumber);
        Assert.Contains("E+", result.Error.Message);
        Assert.Contains("upload it again", result.Error.Message);
    }

    [Fact]
    public async Task ReadAsync_TextCellHoldingExponent_RefusedWithHowToFix()
    {
        var sheet = """
            <row r="1"><c r="A1" t="inlineStr"><is><t>SN</t></is></c></row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>702000096622</t></is></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>7.02E+11</t></is></c></row>
            """;

        var result = await ReadAsync(MinimalXlsx(sheet));

        Assert.Equal(ImportProblemCode.ScientificNotation, result.Error?.Code);
        Assert.Equal(3, result.Error!.LineNumber);
    }

    [Fact]
    public async Task ReadAsync_HiddenFirstSheetWithHeader_ReadsVisibleSheet()
    {
        using var workbook = new XLWorkbook();
        var hidden = workbook.AddWorksheet("Old");
        hidden.Cell(1, 1).SetValue("SN");
        hidden.Cell(2, 1).SetValue("OLD-1");
        hidden.Hide();
        var visible = workbook.AddWorksheet("New");
        visible.Cell(1, 1).SetValue("SN");
        visible.Cell(2, 1).SetValue("NEW-1");
        visible.SetTabActive();

        var result = await ReadAsync(Save(workbook));

        Assert.Equal("New", result.SheetName);
        Assert.Equal(["NEW-1"], Serials(result));
    }

    [Fact]
    public async Task ReadAsync_NoSheetHasSerialHeader_RefusedAsNoSerialColumn()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("A").Cell(1, 1).SetValue("Device");
        workbook.Worksheet("A").Cell(2, 1).SetValue("702000096622");

        var result = await ReadAsync(Save(workbook));

        Assert.Equal(ImportProblemCode.NoSerialColumn, result.Error?.Code);
    }

    internal static byte[] Save(XLWorkbook workbook)
    {
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
