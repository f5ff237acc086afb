using System.Text;
using ClosedXML.Excel;
using WarrantyPortal.Features.BatchImport;
using WarrantyPortal.Features.Notifications;
using static WarrantyPortal.Tests.Features.BatchImport.BatchImportKit;

namespace WarrantyPortal.Tests.Features.BatchImport;

public class BatchTemplatesTests
{
    private static readonly string[] Plans = ["EXT5", "EXT10", "EXT15"];

    [Fact]
    public void Xlsx_WithPlans_HasTextSnColumnPlanDropDownAndHowToSheet()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Templates().Xlsx(Plans)));

        var sheet = workbook.Worksheet(1);
        Assert.Equal(["SN", "Plan", "Gateway/ECU"], Enumerable.Range(1, 3).Select(c => sheet.Cell(1, c).GetString()));
        Assert.Equal("@", sheet.Cell(2, 1).Style.NumberFormat.Format);
        var validation = Assert.Single(sheet.DataValidations);
        Assert.Equal(XLAllowedValues.List, validation.AllowedValues);
        Assert.Equal("\"EXT5,EXT10,EXT15\"", validation.Value);
        Assert.Contains(validation.Ranges, r => r.RangeAddress.FirstAddress.ColumnNumber == 2 && r.RangeAddress.FirstAddress.RowNumber == 2);
        var howTo = workbook.Worksheet(2).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Contains(howTo, t => t.Contains("EXT5, EXT10, EXT15"));
        Assert.Contains(howTo, t => t.Contains("100,000"));
    }

    [Fact]
    public void Xlsx_WithoutPlansOrGateway_HasOnlyTheSnColumn()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Templates().Xlsx([], gatewayColumn: false)));

        var sheet = workbook.Worksheet(1);
        Assert.Equal("SN", sheet.Cell(1, 1).GetString());
        Assert.True(sheet.Cell(1, 2).IsEmpty());
        Assert.Empty(sheet.DataValidations);
    }

    [Fact]
    public void Xlsx_ManyPlanCodes_ListGoesOnAHiddenSheet()
    {
        var plans = Enumerable.Range(1, 60).Select(i => $"PLAN-{i:000}").ToArray();

        using var workbook = new XLWorkbook(new MemoryStream(Templates().Xlsx(plans)));

        var lists = workbook.Worksheet("Plans");
        Assert.Equal(XLWorksheetVisibility.Hidden, lists.Visibility);
        Assert.Equal("PLAN-060", lists.Cell(60, 1).GetString());
        Assert.Contains("Plans", Assert.Single(workbook.Worksheet(1).DataValidations).Value);
    }

    [Fact]
    public void Xlsx_French_SheetsAndInstructionsInFrench()
    {
        byte[] bytes;
        using (CultureScope.Use("fr"))
        {
            bytes = Templates().Xlsx(Plans);
        }

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal("Numéros de série", workbook.Worksheet(1).Name);
        Assert.Equal("Mode d'emploi", workbook.Worksheet(2).Name);
        Assert.Equal("SN", workbook.Worksheet(1).Cell(1, 1).GetString());
    }

    [Fact]
    public async Task Xlsx_FilledInLikeAUser_ReadsBack()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Templates().Xlsx(Plans)));
        var sheet = workbook.Worksheet(1);
        sheet.Cell(2, 1).SetValue("702000096622");
        sheet.Cell(2, 2).SetValue("EXT10");
        sheet.Cell(3, 1).SetValue("702000098111");
        sheet.Cell(3, 3).SetValue("215000012345");

        var result = await ReadAsync(SerialListReaderXlsxTests.Save(workbook));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(["702000096622", "702000098111"], Serials(result));
        Assert.Equal(["EXT10", null], result.Rows.Select(r => r.PlanCode));
        Assert.Equal([null, "215000012345"], result.Rows.Select(r => r.GatewaySerial));
    }

    [Fact]
    public async Task Xlsx_Empty_ReadsBackAsNoRows()
    {
        var result = await ReadAsync(Templates().Xlsx(Plans));

        Assert.Equal(ImportProblemCode.NoRows, result.Error?.Code);
    }

    [Fact]
    public async Task Csv_FilledIn_ReadsBack()
    {
        var template = Templates().Csv();
        Assert.Equal(Encoding.UTF8.GetPreamble(), template[..3]);
        Assert.Equal("SN,Plan,Gateway/ECU\r\n", Encoding.UTF8.GetString(template[3..]));

        var result = await ReadAsync([.. template, .. "702000096622,EXT5,\r\n"u8.ToArray()]);

        Assert.Equal("702000096622", Assert.Single(result.Rows).SerialAsWritten);
        Assert.Equal("EXT5", result.Rows[0].PlanCode);
    }

    [Fact]
    public async Task Refill_DuplicatesFromAFile_GoBackWithTheirReasons()
    {
        var read = await ReadTextAsync("SN,Plan\n702000096622,EXT5\n702-000096622,EXT10\n");
        var refused = read.Rows.Where(r => r.Problem is not null).Select(r => RefillRow.From(r, r.Problem!.Message));

        var again = await ReadAsync(Templates().Refill(refused));

        var row = Assert.Single(again.Rows);
        Assert.Equal("702-000096622", row.SerialAsWritten);
        Assert.Equal("EXT10", row.PlanCode);
    }

    [Fact]
    public async Task Refill_ManyPlanCodesAndAwkwardText_StaysAValidWorkbook()
    {
        var plans = Enumerable.Range(1, 60).Select(i => $"PLAN-{i:000}").ToArray();
        RefillRow[] refused = [new(2, " 702000096622 ", "PLAN-001", null, "Reason with <markup> & \u0001 control character")];

        var bytes = Templates().Refill(refused, plans);

        using (var workbook = new XLWorkbook(new MemoryStream(bytes)))
        {
            Assert.Equal(XLWorksheetVisibility.Hidden, workbook.Worksheet("Plans").Visibility);
            Assert.Equal("Reason with <markup> &  control character", workbook.Worksheet(1).Cell(3, 4).GetString());
        }
        var result = await ReadAsync(bytes);
        Assert.Equal("702000096622", Assert.Single(result.Rows).SerialAsWritten);
    }

    [Fact]
    public async Task Refill_RefusedRows_ShowReasonsAndReadBackAsTheSameRows()
    {
        RefillRow[] refused =
        [
            new(4, "702000096622", "EXT5", null, "The micro inverter already has an extended warranty."),
            new(9, "QS1A-0001", null, "215000012345", "Unknown serial number."),
        ];

        var bytes = Templates().Refill(refused, Plans);

        using (var workbook = new XLWorkbook(new MemoryStream(bytes)))
        {
            var sheet = workbook.Worksheet(1);
            Assert.Equal("To correct", sheet.Name);
            Assert.Equal(["SN", "Plan", "Gateway/ECU", "Reason", "Line in your file"], Enumerable.Range(1, 5).Select(c => sheet.Cell(2, c).GetString()));
            Assert.Equal("Unknown serial number.", sheet.Cell(4, 4).GetString());
            Assert.Equal(9, sheet.Cell(4, 5).GetValue<int>());
            Assert.Equal(49, sheet.Cell(10, 1).Style.NumberFormat.NumberFormatId); // built-in "@", text
            Assert.Equal("\"EXT5,EXT10,EXT15\"", Assert.Single(sheet.DataValidations).Value);
        }
        var result = await ReadAsync(bytes);
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(["702000096622", "QS1A-0001"], Serials(result));
        Assert.Equal(["EXT5", null], result.Rows.Select(r => r.PlanCode));
        Assert.Equal([null, "215000012345"], result.Rows.Select(r => r.GatewaySerial));
    }
}
