using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CsvHelper;
using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Features.Registry;

/// <summary>One line of a registry file: the device it describes, or why it was rejected.</summary>
public sealed record RegistryCsvRow(long Line, DeviceRecord? Device, string SerialNumber, string? Problem);

/// <summary>
/// The registry file format (UTF-8 CSV, comma or semicolon, header row; documented in the README). Reading streams record
/// by record and touches no database; writing streams too.
/// </summary>
public static partial class RegistryCsv
{
    public static readonly string[] Columns =
    [
        "SerialNumber", "Model", "Family", "RatedPowerW", "ProductionDate", "CommissioningDate",
        "BaseWarrantyStart", "BaseWarrantyEnd", "CountryCode", "GatewaySerialNumber",
    ];

    private static readonly string[] Required = ["SerialNumber", "Model", "Family", "ProductionDate", "BaseWarrantyEnd", "CountryCode"];

    /// <summary>Thrown when the file cannot be read as a registry file at all (no header, missing columns).</summary>
    public sealed class FileProblemException(string message) : Exception(message);

    public static async IAsyncEnumerable<RegistryCsvRow> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var options = new CsvReaderOptions { TrackLineNumbers = true, MissingField = CsvMissingFieldHandling.ReturnEmpty, TrimWhitespace = true };
        await using var csv = CsvReader.Create(stream, options, leaveOpen: true);
        await csv.ReadHeaderAsync(ct);
        if (csv.Headers.Count == 0) throw new FileProblemException("The file is empty: it needs a header row and one device per line.");
        var index = new Dictionary<string, int>();
        foreach (var column in Columns)
        {
            if (csv.TryGetFieldIndex(column, out var i)) index[column] = i;
        }
        var missing = Required.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0) throw new FileProblemException($"The header row lacks the column(s) {string.Join(", ", missing)}. Expected: {string.Join(",", Columns)}.");

        while (await csv.ReadAsync(ct))
        {
            string Field(string name) => index.TryGetValue(name, out var i) && i < csv.FieldCount ? csv.GetString(i).Trim() : "";
            yield return Parse(csv.LineNumber, Field);
        }
    }

    private static RegistryCsvRow Parse(long line, Func<string, string> field)
    {
        var serialText = field("SerialNumber");
        RegistryCsvRow Reject(string reason) => new(line, null, serialText, reason);

        if (!Enum.TryParse<ProductFamily>(field("Family"), ignoreCase: true, out var family) || int.TryParse(field("Family"), out _))
        {
            return Reject($"Family '{field("Family")}' is not one of {string.Join(", ", Enum.GetNames<ProductFamily>())}.");
        }
        if (!SerialNumber.TryParse(serialText, family, out var sn, out var problem)) return Reject(SerialNumber.Describe(serialText, problem, family));
        var model = field("Model");
        if (model.Length is 0 or > 64) return Reject("Model is required (at most 64 characters).");
        var powerText = field("RatedPowerW");
        var power = 0;
        if (powerText.Length > 0 && (!int.TryParse(powerText, NumberStyles.None, CultureInfo.InvariantCulture, out power)))
        {
            return Reject($"RatedPowerW '{powerText}' is not a whole number of watts.");
        }
        if (!TryDate(field("ProductionDate"), required: true, out var produced)) return Reject(DateProblem("ProductionDate", field("ProductionDate")));
        if (!TryDate(field("CommissioningDate"), required: false, out var commissioned)) return Reject(DateProblem("CommissioningDate", field("CommissioningDate")));
        if (!TryDate(field("BaseWarrantyStart"), required: false, out var start)) return Reject(DateProblem("BaseWarrantyStart", field("BaseWarrantyStart")));
        if (!TryDate(field("BaseWarrantyEnd"), required: true, out var end)) return Reject(DateProblem("BaseWarrantyEnd", field("BaseWarrantyEnd")));
        var warrantyStart = start ?? commissioned ?? produced!.Value;
        if (end <= warrantyStart) return Reject($"BaseWarrantyEnd {end:yyyy-MM-dd} is not after the warranty start {warrantyStart:yyyy-MM-dd}.");
        if (commissioned < produced) return Reject("CommissioningDate is before ProductionDate.");
        var country = field("CountryCode").ToUpperInvariant();
        if (!CountryCode().IsMatch(country)) return Reject($"CountryCode '{field("CountryCode")}' is not a two-letter ISO 3166 code.");
        var gatewayText = field("GatewaySerialNumber");
        string? gateway = null;
        if (gatewayText.Length > 0)
        {
            if (!SerialNumber.TryParse(gatewayText, ProductFamily.MonitoringGateway, out var g, out var gProblem))
            {
                return Reject("GatewaySerialNumber: " + SerialNumber.Describe(gatewayText, gProblem, ProductFamily.MonitoringGateway));
            }
            gateway = g.Value;
        }
        var device = new DeviceRecord(sn, model, family, power, produced!.Value, commissioned, warrantyStart, end!.Value, country, gateway, []);
        return new RegistryCsvRow(line, device, sn.Value, null);
    }

    private static bool TryDate(string text, bool required, out DateOnly? date)
    {
        date = null;
        if (text.Length == 0) return !required;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }

    private static string DateProblem(string column, string text) =>
        text.Length == 0 ? $"{column} is required." : $"{column} '{text}' is not a date in the form YYYY-MM-DD.";

    /// <summary>Writes the header and then every device given, flushing as it goes.</summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<DeviceRecord> devices, CancellationToken ct = default)
    {
        await using var csv = CsvWriter.Create(output, null, leaveOpen: true);
        await csv.WriteRecordAsync(Columns, ct);
        var fields = new string[Columns.Length];
        await foreach (var d in devices.WithCancellation(ct))
        {
            fields[0] = d.SerialNumber.Value;
            fields[1] = d.Model;
            fields[2] = d.Family.ToString();
            fields[3] = d.RatedPowerW.ToString(CultureInfo.InvariantCulture);
            fields[4] = Iso(d.ProductionDate);
            fields[5] = d.CommissioningDate is { } c ? Iso(c) : "";
            fields[6] = Iso(d.BaseWarrantyStart);
            fields[7] = Iso(d.BaseWarrantyEnd);
            fields[8] = d.CountryCode;
            fields[9] = d.GatewaySerialNumber ?? "";
            await csv.WriteRecordAsync(fields, ct);
        }
        await csv.FlushAsync(ct);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
