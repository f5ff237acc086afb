using ClosedXML.Excel;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Orders;

namespace WarrantyPortal.Tests.Features.Admin;

public class OrderAuditExportTests
{
    private static readonly string[] Dangerous = ["=HYPERLINK(\"http://x\")", "+33 1 23", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"];

    private static async IAsyncEnumerable<OrderAuditRow> Rows(params string[] customers)
    {
        var i = 0;
        foreach (var c in customers)
        {
            yield return new OrderAuditRow(Guid.NewGuid(), $"WE2026060100{++i:D2}", OrderStatus.Submitted, new DateTime(2026, 6, 1, 8, 0, 0, DateTimeKind.Utc),
                c, "x@example.test", c, "FR", new Money(123_45, "EUR"), 2, Guid.NewGuid(), PaymentMethod.WireTransfer);
            await Task.Yield();
        }
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 1", "'+33 1")]
    [InlineData("-5", "'-5")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Plain SARL", "Plain SARL")]
    [InlineData("a=b", "a=b")]
    public void Neutralize_LeadingFormulaCharacter_PrefixedWithApostrophe(string input, string expected) =>
        Assert.Equal(expected, OrderAuditExport.Neutralize(input));

    [Fact]
    public async Task WriteCsvAsync_DangerousCells_WrittenAsQuotedText()
    {
        using var ms = new MemoryStream();
        await OrderAuditExport.WriteCsvAsync(Rows("=HYPERLINK(\"http://x\",\"y\")", "Dupont, Fils"), ms, default);
        var text = System.Text.Encoding.UTF8.GetString(ms.ToArray()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 1 ? text.Split("\r\n") : text.Split('\n');

        Assert.StartsWith("Order,Status,", lines[0]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", lines[1]);
        Assert.Contains("\"Dupont, Fils\"", lines[2]);
        Assert.Contains(",FR,Wire transfer,EUR,123.45,2", lines[1]);
    }

    [Fact]
    public async Task XlsxAsync_DangerousCells_TextNeverFormulaAndAmountsNumbers()
    {
        var bytes = await OrderAuditExport.XlsxAsync(Rows(Dangerous), default);

        using var book = new XLWorkbook(new MemoryStream(bytes));
        var sheet = book.Worksheet("Orders");
        Assert.Equal("Customer", sheet.Cell(1, 4).GetString());
        for (var i = 0; i < Dangerous.Length; i++)
        {
            var cell = sheet.Cell(i + 2, 4);
            Assert.False(cell.HasFormula, $"row {i + 2} became a formula");
            // XML stores a lone carriage return as a line feed; what matters is the apostrophe in front.
            Assert.Equal("'" + Dangerous[i].Replace('\r', '\n'), cell.GetString());
        }
        Assert.Equal("Payment method", sheet.Cell(1, 8).GetString());
        Assert.Equal("Wire transfer", sheet.Cell(2, 8).GetString());
        Assert.Equal(123.45, sheet.Cell(2, 10).GetDouble(), 3);
        Assert.True(sheet.Column(4).Width > 20);
    }
}
