using System.Globalization;
using System.Text;

namespace WarrantyPortal.Features.BatchImport;

/// <summary>
/// Finds the serial, plan and gateway columns in a header row, for CSV and XLSX alike. Headers are compared
/// loosely: case, accents, spaces, punctuation and anything in brackets are ignored ("Serial No." = "serial no",
/// "Numéro de série" = "NUMERO DE SERIE", "SN (required)" = "SN").
/// </summary>
internal sealed record ColumnMap(int Serial, int? Plan, int? Gateway)
{
    public const string SerialHeader = "SN";
    public const string PlanHeader = "Plan";
    public const string GatewayHeader = "Gateway/ECU";

    private static readonly HashSet<string> SerialNames =
    [
        "sn", "serial", "serialnumber", "serialno", "serialnr", "serialnum", "uid", "uids",
        "numerodeserie", "ndeserie", "nodeserie", "numserie", "seriennummer", "serienummer", "numerodiserie",
        "序列号", "序列號", "序号",
    ];

    private static readonly HashSet<string> PlanNames =
    [
        "plan", "plancode", "warrantyplan", "extensionplan", "offre", "plandegarantie", "codeplan", "tarif",
    ];

    private static readonly HashSet<string> GatewayNames =
    [
        "gatewayecu", "ecugateway", "gateway", "ecu", "ecuid", "ecusn", "ecuuid", "gatewaysn", "gatewayserial",
        "gatewayserialnumber", "ecuserialnumber", "passerelle", "passerelleecu",
    ];

    /// <summary>Whether a data cell repeats the serial header (files pasted together). Serials are rarely short words.</summary>
    public static bool IsSerialHeader(string? cell) => cell is { Length: > 0 and <= 32 } && SerialNames.Contains(Key(cell));

    /// <summary>The column map of <paramref name="cells"/> when it is a header row (it has a serial column).</summary>
    public static ColumnMap? TryMatch(IReadOnlyList<string?> cells)
    {
        int? serial = null, plan = null, gateway = null;
        for (var i = 0; i < cells.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(cells[i]))
            {
                continue;
            }
            var key = Key(cells[i]!);
            if (serial is null && SerialNames.Contains(key)) serial = i;
            else if (plan is null && PlanNames.Contains(key)) plan = i;
            else if (gateway is null && GatewayNames.Contains(key)) gateway = i;
        }
        return serial is null ? null : new ColumnMap(serial.Value, plan, gateway);
    }

    private static string Key(string header)
    {
        var decomposed = header.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var depth = 0;
        foreach (var c in decomposed)
        {
            if (c is '(' or '[') { depth++; continue; }
            if (c is ')' or ']') { depth = Math.Max(0, depth - 1); continue; }
            if (depth > 0) continue;
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) && category != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }
        return sb.ToString();
    }
}
