using System.IO.Compression;
using ClosedXML.Excel;
using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Features.WarrantyCheck;

/// <summary>The check's spreadsheets: the upload template (one <c>SN</c> column), reading an upload, and the results export.</summary>
public static class WarrantyCheckWorkbook
{
    public const string SerialHeader = "SN";
    public const long MaxUploadBytes = 2 * 1024 * 1024;

    /// <summary>
    /// What an upload may inflate to, all its parts together. A list of 500 serial numbers is well under 1 MB of XML;
    /// a crafted workbook of a few kilobytes can inflate to gigabytes, which the workbook library would hold in memory.
    /// </summary>
    public const long MaxInflatedBytes = 16L * 1024 * 1024;

    private const int MaxZipEntries = 500;

    public static byte[] Template()
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("SN");
        ws.Cell(1, 1).Value = SerialHeader;
        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(2, 1).Value = "702000096622";
        ws.Column(1).Width = 24;
        ws.Column(1).Style.NumberFormat.Format = "@"; // text: long serial numbers must not turn into 7.02E+11
        return Save(wb);
    }

    /// <summary>The serial numbers under the <c>SN</c> header of the first sheet, or why the file cannot be read.</summary>
    /// <param name="xlsx">A seekable stream (the upload, already bounded by <see cref="MaxUploadBytes"/>).</param>
    public static (IReadOnlyList<string> Serials, UploadProblem? Problem) Read(Stream xlsx, int maxRows)
    {
        if (CheckArchive(xlsx) is { } refused) return ([], refused);
        XLWorkbook wb;
        try
        {
            wb = new XLWorkbook(xlsx);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            // Whatever a damaged or crafted file makes the workbook library throw, the answer is the same.
            return ([], UploadProblem.NotAWorkbook);
        }
        using (wb)
        {
            var ws = wb.Worksheets.First();
            var header = ws.Row(1).CellsUsed().FirstOrDefault(c => string.Equals(c.GetString().Trim(), SerialHeader, StringComparison.OrdinalIgnoreCase));
            if (header is null) return ([], UploadProblem.NoSerialHeader);
            var column = header.Address.ColumnNumber;
            var last = ws.LastRowUsed()?.RowNumber() ?? 1;
            var serials = new List<string>();
            for (var row = 2; row <= last; row++)
            {
                var value = ws.Cell(row, column).GetFormattedString().Trim();
                if (value.Length == 0) continue;
                if (serials.Count == maxRows) return (serials, UploadProblem.TooManyRows);
                serials.Add(value);
            }
            return serials.Count == 0 ? ([], UploadProblem.Empty) : (serials, null);
        }
    }

    public static byte[] Export(IReadOnlyList<CheckResult> results, Func<CoverageState, string> stateName, Func<ProductFamily, string> familyName, IReadOnlyList<string> headers)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Warranty");
        for (var i = 0; i < headers.Count; i++)
        {
            ws.Cell(1, i + 1).Value = headers[i];
            ws.Cell(1, i + 1).Style.Font.Bold = true;
        }
        var row = 2;
        foreach (var r in results)
        {
            ws.Cell(row, 1).SetValue(r.SerialNumber ?? r.Input);
            ws.Cell(row, 2).SetValue(r.Model ?? "");
            ws.Cell(row, 3).SetValue(r.Family is { } f ? familyName(f) : "");
            ws.Cell(row, 4).SetValue(stateName(r.State));
            ws.Cell(row, 5).SetValue(r.WarrantyStart?.ToString("yyyy-MM-dd") ?? "");
            ws.Cell(row, 6).SetValue(r.Expiry?.ToString("yyyy-MM-dd") ?? "");
            if (r.TotalYears is { } years) ws.Cell(row, 7).SetValue(years);
            ws.Cell(row, 8).SetValue(string.Join("; ", r.Extensions.Select(e => $"{e.Start:yyyy-MM-dd}–{e.End:yyyy-MM-dd} {e.CertificateNumber}".Trim())));
            ws.Cell(row, 9).SetValue(r.Problem ?? "");
            row++;
        }
        double[] widths = [20, 12, 22, 12, 14, 14, 10, 48, 50];
        for (var i = 0; i < widths.Length; i++) ws.Column(i + 1).Width = widths[i];
        return Save(wb);
    }

    /// <summary>
    /// Inflates every part once, counting the bytes actually produced (a zip's declared sizes can lie), and stops at the
    /// allowance, before the workbook library reads anything.
    /// </summary>
    private static UploadProblem? CheckArchive(Stream xlsx)
    {
        var start = xlsx.Position;
        try
        {
            using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries) return UploadProblem.Suspicious;
            var buffer = new byte[81920];
            long inflated = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxInflatedBytes - inflated) return UploadProblem.Suspicious;
                using var part = entry.Open();
                int n;
                while ((n = part.Read(buffer)) > 0)
                {
                    inflated += n;
                    if (inflated > MaxInflatedBytes) return UploadProblem.Suspicious;
                }
            }
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return UploadProblem.NotAWorkbook;
        }
        finally
        {
            xlsx.Position = start;
        }
    }

    private static byte[] Save(XLWorkbook wb)
    {
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }
}

public enum UploadProblem
{
    NotAWorkbook,
    NoSerialHeader,
    Empty,
    TooManyRows,
    TooLarge,
    Suspicious,
}
