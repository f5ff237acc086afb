using System.Globalization;
using System.Text;
using ClosedXML.Excel;

namespace WarrantyPortal.Features.Admin.Orders;

/// <summary>
/// The audit grid's rows as CSV or XLSX. A text cell that a spreadsheet would run as a formula (starting with =, +, -, @,
/// a tab or a carriage return) is prefixed with an apostrophe, so it shows as the text it is.
/// </summary>
public static class OrderAuditExport
{
    public static readonly string[] Headers =
        ["Order", "Status", "Submitted (UTC)", "Customer", "Email", "Company", "Country", "Payment method", "Currency", "Total", "Devices", "VAT check"];

    private static readonly double[] Widths = [18, 16, 18, 28, 32, 30, 9, 18, 10, 14, 9, 14];

    public static string Neutralize(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    public static string CsvField(string? text)
    {
        var s = Neutralize(text);
        return s.IndexOfAny([',', ';', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    public static async Task WriteCsvAsync(IAsyncEnumerable<OrderAuditRow> rows, Stream output, CancellationToken ct)
    {
        await using var w = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await w.WriteLineAsync(string.Join(',', Headers.Select(CsvField)));
        await foreach (var r in rows.WithCancellation(ct))
        {
            await w.WriteLineAsync(string.Join(',', Cells(r).Select(c => CsvField(Text(c)))));
        }
    }

    public static async Task<byte[]> XlsxAsync(IAsyncEnumerable<OrderAuditRow> rows, CancellationToken ct)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("Orders");
        for (var c = 0; c < Headers.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(Headers[c]);
            sheet.Column(c + 1).Width = Widths[c];
        }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        var row = 2;
        await foreach (var r in rows.WithCancellation(ct))
        {
            var cells = Cells(r);
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = sheet.Cell(row, c + 1);
                switch (cells[c])
                {
                    case decimal d: cell.SetValue(d); cell.Style.NumberFormat.Format = "#,##0.00"; break;
                    case int i: cell.SetValue(i); break;
                    case DateTime t: cell.SetValue(t); cell.Style.DateFormat.Format = "yyyy-mm-dd hh:mm"; break;
                    default:
                        cell.SetValue(Neutralize(cells[c] as string));
                        cell.DataType = XLDataType.Text;
                        break;
                }
            }
            row++;
        }
        sheet.RangeUsed()?.SetAutoFilter();
        using var ms = new MemoryStream();
        book.SaveAs(ms);
        return ms.ToArray();
    }

    private static string Text(object? c) => c switch
    {
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        _ => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "",
    };

    private static object?[] Cells(OrderAuditRow r) =>
    [
        r.Number, r.Status.ToString(), r.SubmittedAtUtc is { } s ? (object)s : "", r.Customer, r.Email, r.Company ?? "", r.Country,
        PaymentMethodLook.Label(r.PaymentMethod, System.Globalization.CultureInfo.InvariantCulture), r.Total.Currency, r.Total.Amount, r.LineCount,
        r.VatCheck?.ToString() ?? "",
    ];
}
