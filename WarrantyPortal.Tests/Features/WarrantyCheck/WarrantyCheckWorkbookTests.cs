using ClosedXML.Excel;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.WarrantyCheck;

namespace WarrantyPortal.Tests.Features.WarrantyCheck;

public class WarrantyCheckWorkbookTests
{
    private static MemoryStream Workbook(Action<IXLWorksheet> fill)
    {
        using var wb = new XLWorkbook();
        fill(wb.AddWorksheet("Sheet1"));
        var ms = new MemoryStream();
        wb.SaveAs(ms);
        ms.Position = 0;
        return ms;
    }

    [Fact]
    public void Read_Template_GivesItsExampleSerial()
    {
        var (serials, problem) = WarrantyCheckWorkbook.Read(new MemoryStream(WarrantyCheckWorkbook.Template()), 100);
        Assert.Null(problem);
        Assert.Equal(["702000096622"], serials);
    }

    [Fact]
    public void Read_SnColumnNotFirstWithGapsAndNumbers_ReadsEveryValueAsText()
    {
        using var file = Workbook(ws =>
        {
            ws.Cell(1, 1).Value = "Site";
            ws.Cell(1, 2).Value = "sn";
            ws.Cell(2, 2).Value = 702000096622; // typed as a number in Excel
            ws.Cell(4, 2).Value = "7020 0009 8111";
        });
        var (serials, problem) = WarrantyCheckWorkbook.Read(file, 100);
        Assert.Null(problem);
        Assert.Equal(["702000096622", "7020 0009 8111"], serials);
    }

    [Fact]
    public void Read_NoSnHeader_SaysSo()
    {
        using var file = Workbook(ws => ws.Cell(1, 1).Value = "Serial");
        Assert.Equal(UploadProblem.NoSerialHeader, WarrantyCheckWorkbook.Read(file, 100).Problem);
    }

    [Fact]
    public void Read_TooManyRows_SaysSo()
    {
        using var file = Workbook(ws =>
        {
            ws.Cell(1, 1).Value = "SN";
            for (var i = 0; i < 4; i++) ws.Cell(i + 2, 1).Value = $"70200000000{i}";
        });
        Assert.Equal(UploadProblem.TooManyRows, WarrantyCheckWorkbook.Read(file, 3).Problem);
    }

    [Fact]
    public void Read_NotAWorkbook_SaysSo()
    {
        using var file = new MemoryStream("SN\n702000096622\n"u8.ToArray());
        Assert.Equal(UploadProblem.NotAWorkbook, WarrantyCheckWorkbook.Read(file, 100).Problem);
    }

    [Fact]
    public void Export_Results_WritesOneRowPerDeviceWithCertificates()
    {
        var results = new[]
        {
            new CheckResult("7020 0009 6622", "702000096622", CoverageState.Valid, "DS3-H", ProductFamily.MicroInverter, new DateOnly(2025, 5, 23),
                new DateOnly(2045, 5, 22), 20, [new CheckExtension(new DateOnly(2037, 5, 23), new DateOnly(2045, 5, 22), "WPC-1")], null),
            new CheckResult("x", null, CoverageState.Unknown, null, null, null, null, null, [], "not valid"),
        };
        var bytes = WarrantyCheckWorkbook.Export(results, s => s.ToString(), f => f.ToString(), ["SN", "Model", "Family", "State", "Start", "Expiry", "Years", "Extensions", "Problem"]);

        using var wb = new XLWorkbook(new MemoryStream(bytes));
        var ws = wb.Worksheet(1);
        Assert.Equal("702000096622", ws.Cell(2, 1).GetString());
        Assert.Equal("Valid", ws.Cell(2, 4).GetString());
        Assert.Equal("2045-05-22", ws.Cell(2, 6).GetString());
        Assert.Contains("WPC-1", ws.Cell(2, 8).GetString());
        Assert.Equal("not valid", ws.Cell(3, 9).GetString());
    }
}
