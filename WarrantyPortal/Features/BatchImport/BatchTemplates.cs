using System.Text;
using ClosedXML.Excel;
using Microsoft.Extensions.Localization;

namespace WarrantyPortal.Features.BatchImport;

/// <summary>
/// The files users fill in for a batch import: the XLSX template (a text-formatted SN column, an optional Plan
/// column with a drop-down of plan codes, an optional Gateway/ECU column, and a sheet explaining how to fill it),
/// the CSV template, and the refill workbook of refused rows. All of them read back through <see cref="SerialListReader"/>.
/// Column widths are set explicitly: measuring text needs native graphics libraries the server does not have.
/// The templates are small and built with ClosedXML; the refill workbook can hold 100,000 rows and is streamed.
/// </summary>
public sealed class BatchTemplates(IStringLocalizer<BatchImportText> text, SerialListLimits limits)
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv";

    private const int TemplateRows = 5_000;

    public BatchTemplates(IStringLocalizer<BatchImportText> text) : this(text, SerialListLimits.Default) { }

    /// <summary>The XLSX template. With no <paramref name="planCodes"/> the Plan column is left out.</summary>
    public byte[] Xlsx(IReadOnlyCollection<string> planCodes, bool gatewayColumn = true)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet(SheetName(text["Template_SheetSerials"]));
        var columns = Headers(planCodes.Count > 0, gatewayColumn);
        WriteHeader(sheet, 1, columns);
        for (var i = 1; i <= columns.Count; i++)
        {
            // Text format keeps 12-digit UIDs and leading zeros as typed.
            sheet.Column(i).Style.NumberFormat.Format = "@";
            sheet.Column(i).Width = i == 1 ? 24 : 18;
        }
        if (planCodes.Count > 0)
        {
            AddPlanList(sheet, 2, TemplateRows + 1, planCodes);
        }
        sheet.SheetView.FreezeRows(1);

        var howTo = workbook.AddWorksheet(SheetName(text["Template_SheetHowTo"]));
        howTo.Column(1).Width = 110;
        howTo.Cell(1, 1).SetValue(text["Template_HowToTitle"].Value).Style.Font.SetBold().Font.SetFontSize(14);
        var lines = new List<string> { text["Template_HowTo_Serial"], text["Template_HowTo_Text"] };
        if (planCodes.Count > 0)
        {
            lines.Add(text["Template_HowTo_Plan"]);
            lines.Add(text["Template_HowTo_PlanCodes", string.Join(", ", planCodes)]);
        }
        if (gatewayColumn) lines.Add(text["Template_HowTo_Gateway"]);
        lines.Add(text["Template_HowTo_Headers"]);
        lines.Add(text["Template_HowTo_Upload", limits.MaxRows, limits.MaxFileBytes / (1024 * 1024)]);
        for (var i = 0; i < lines.Count; i++)
        {
            howTo.Cell(i + 3, 1).SetValue(lines[i]).Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            // Row heights are not measured either: about 100 characters fit on a line of this column.
            howTo.Row(i + 3).Height = 15 * Math.Max(1, (lines[i].Length + 99) / 100);
        }
        workbook.Worksheet(1).SetTabActive();
        return Save(workbook);
    }

    /// <summary>The CSV template: the header line alone, UTF-8 with a BOM so that Excel shows accents right.</summary>
    public byte[] Csv(bool planColumn = true, bool gatewayColumn = true)
    {
        var line = string.Join(',', Headers(planColumn, gatewayColumn)) + "\r\n";
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(line)];
    }

    /// <summary>
    /// The refill workbook: the refused rows as the user wrote them, each with its reason and its line in the
    /// original file, ready to correct and upload again (the Reason and Line columns are ignored on upload).
    /// Written as a stream, so 100,000 refused rows cost a few megabytes, not a workbook model in memory.
    /// </summary>
    public byte[] Refill(IEnumerable<RefillRow> rows, IReadOnlyCollection<string>? planCodes = null)
    {
        using var output = new MemoryStream();
        WriteRefill(output, rows, planCodes);
        return output.ToArray();
    }

    /// <summary>Writes the refill workbook to <paramref name="output"/> (a response body, a file).</summary>
    public void WriteRefill(Stream output, IEnumerable<RefillRow> rows, IReadOnlyCollection<string>? planCodes = null)
    {
        var headers = Headers(planColumn: true, gatewayColumn: true);
        headers.Add(text["Refill_Reason"]);
        headers.Add(text["Refill_Line"]);
        RefillWorkbookWriter.Write(output, SheetName(text["Refill_Sheet"]), text["Refill_HowTo"], headers, rows, planCodes ?? []);
    }

    private static List<string> Headers(bool planColumn, bool gatewayColumn)
    {
        var headers = new List<string> { ColumnMap.SerialHeader };
        if (planColumn) headers.Add(ColumnMap.PlanHeader);
        if (gatewayColumn) headers.Add(ColumnMap.GatewayHeader);
        return headers;
    }

    private static void WriteHeader(IXLWorksheet sheet, int row, IReadOnlyList<string> headers)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            var cell = sheet.Cell(row, i + 1);
            cell.SetValue(headers[i]);
            cell.Style.Font.SetBold().Fill.SetBackgroundColor(XLColor.FromHtml("#E3EEF6"));
        }
    }

    /// <summary>
    /// A drop-down of plan codes on the Plan column (column B); empty cells stay allowed. Excel caps an inline
    /// list at 255 characters, so longer lists go on a hidden sheet (which the reader skips).
    /// </summary>
    private static void AddPlanList(IXLWorksheet sheet, int firstRow, int lastRow, IReadOnlyCollection<string> planCodes)
    {
        var codes = planCodes.Select(c => c.Replace("\"", "").Replace(",", "")).ToList();
        var validation = sheet.Range(firstRow, 2, lastRow, 2).SetDataValidation();
        validation.IgnoreBlanks = true;
        var inline = "\"" + string.Join(",", codes) + "\"";
        if (inline.Length <= 255)
        {
            validation.List(inline, true);
            return;
        }
        var lists = sheet.Workbook.AddWorksheet("Plans");
        for (var i = 0; i < codes.Count; i++)
        {
            lists.Cell(i + 1, 1).SetValue(codes[i]);
        }
        lists.Hide();
        validation.List(lists.Range(1, 1, codes.Count, 1), true);
    }

    /// <summary>Excel sheet names: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static byte[] Save(XLWorkbook workbook)
    {
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }
}
