using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Microsoft.Extensions.Localization;

namespace WarrantyPortal.Features.BatchImport;

/// <summary>
/// The parse stage of a batch import: turns an uploaded XLSX or CSV file into numbered rows (serial as written,
/// optional plan code and gateway serial), or refuses the whole file with a message that says what to fix.
/// It touches no database. The upload is copied once into memory (at most <see cref="SerialListLimits.MaxFileBytes"/>,
/// refused as soon as it goes past) and then read forward, row by row, on a pool thread.
/// </summary>
public sealed partial class SerialListReader(IStringLocalizer<BatchImportText> text, SerialListLimits limits)
{
    public SerialListReader(IStringLocalizer<BatchImportText> text) : this(text, SerialListLimits.Default) { }

    public SerialListLimits Limits => limits;

    /// <summary>
    /// Reads <paramref name="upload"/> (any stream, seekable or not). <paramref name="progress"/> receives the share
    /// of the file read, from 0 to 1. Cancelling throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<SerialListReadResult> ReadAsync(Stream upload, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        try
        {
            var buffer = await CopyWithinLimitAsync(upload, cancellationToken);
            progress?.Report(0.1);
            var result = await Task.Run(() => Parse(buffer, progress, cancellationToken), cancellationToken);
            progress?.Report(1);
            return result;
        }
        catch (ImportRefusedException refused)
        {
            return new SerialListReadResult { Error = Problem(refused.Code, refused.LineNumber, refused.Args, refused.MessageKey) };
        }
    }

    /// <summary>
    /// The refusal for a file of <paramref name="bytes"/>, before any of it is read (the browser reports the size
    /// first), or null when the size is within the limit. Open the browser file with
    /// <c>OpenReadStream(Limits.MaxFileBytes + 1)</c> so that the reader, not the upload, has the last word.
    /// </summary>
    public ImportProblem? CheckSize(long bytes) =>
        bytes > limits.MaxFileBytes ? Problem(ImportProblemCode.FileTooLarge, null, limits.MaxFileBytes / (1024 * 1024), limits.MaxRows) : null;

    private async Task<MemoryStream> CopyWithinLimitAsync(Stream upload, CancellationToken ct)
    {
        if (upload.CanSeek && upload.Length - upload.Position > limits.MaxFileBytes)
        {
            throw TooLarge();
        }
        var buffer = new MemoryStream(upload.CanSeek ? (int)(upload.Length - upload.Position) : 64 * 1024);
        var chunk = new byte[81920];
        int n;
        while ((n = await upload.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > limits.MaxFileBytes)
            {
                throw TooLarge();
            }
            buffer.Write(chunk, 0, n);
        }
        buffer.Position = 0;
        return buffer;
    }

    private ImportRefusedException TooLarge() =>
        new(ImportProblemCode.FileTooLarge, null, limits.MaxFileBytes / (1024 * 1024), limits.MaxRows);

    private SerialListReadResult Parse(MemoryStream buffer, IProgress<double>? progress, CancellationToken ct)
    {
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var kind = FileSignature.Detect(bytes);
        try
        {
            return kind switch
            {
                FileKind.Empty => throw new ImportRefusedException(ImportProblemCode.EmptyFile),
                FileKind.Zip => ParseXlsx(buffer, progress, ct),
                FileKind.Ole2Encrypted => throw new ImportRefusedException(ImportProblemCode.PasswordProtected),
                FileKind.Ole2Workbook => throw new ImportRefusedException(ImportProblemCode.LegacyXls),
                FileKind.Text => ParseCsv(buffer, progress, ct),
                _ => throw new ImportRefusedException(ImportProblemCode.NotASpreadsheet),
            };
        }
        catch (Exception e) when (kind == FileKind.Zip && e is (XmlException or InvalidDataException or IOException or ArgumentException or FormatException))
        {
            throw new ImportRefusedException(ImportProblemCode.DamagedWorkbook);
        }
    }

    private SerialListReadResult ParseXlsx(MemoryStream buffer, IProgress<double>? progress, CancellationToken ct)
    {
        using var workbook = XlsxSerialSource.Open(buffer, limits);
        foreach (var (name, part) in workbook.Sheets)
        {
            var result = ReadTable(workbook.ReadRows(part, p => progress?.Report(0.1 + 0.9 * p)), SerialListFormat.Xlsx, ct);
            if (result is not null)
            {
                return result with { SheetName = name };
            }
        }
        throw new ImportRefusedException(ImportProblemCode.NoSerialColumn);
    }

    private SerialListReadResult ParseCsv(MemoryStream buffer, IProgress<double>? progress, CancellationToken ct)
    {
        var text = new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        var (encoding, bom) = CsvSerialSource.DetectEncoding(text);
        text = text[bom..];
        var rows = CsvSerialSource.ReadRows(text, encoding, limits.HeaderSearchRows, p => progress?.Report(0.1 + 0.9 * p));
        return ReadTable(rows, SerialListFormat.Csv, ct) ?? throw new ImportRefusedException(
            IsBlank(text, encoding) ? ImportProblemCode.EmptyFile : ImportProblemCode.NoSerialColumn);
    }

    /// <summary>Finds the header in the first rows, then reads every row under it. Null when there is no header.</summary>
    private SerialListReadResult? ReadTable(IEnumerable<SheetRow> source, SerialListFormat format, CancellationToken ct)
    {
        ColumnMap? map = null;
        var searched = 0;
        var rows = new List<SerialListRow>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in source)
        {
            if (map is null)
            {
                if (row.Cells.All(string.IsNullOrWhiteSpace)) continue;
                map = ColumnMap.TryMatch(row.Cells);
                if (map is null && ++searched >= limits.HeaderSearchRows) return null;
                continue;
            }
            var serial = Unwrap(row.Cell(map.Serial));
            var plan = NullIfEmpty(row.Cell(map.Plan));
            var gateway = NullIfEmpty(Unwrap(row.Cell(map.Gateway)));
            if (serial.Length == 0 && plan is null && gateway is null) continue;
            if (ColumnMap.IsSerialHeader(serial)) continue;
            if (rows.Count >= limits.MaxRows)
            {
                throw new ImportRefusedException(ImportProblemCode.TooManyRows, null, limits.MaxRows);
            }
            if (rows.Count % 1000 == 0) ct.ThrowIfCancellationRequested();
            if (IsExponent(serial) || (gateway is not null && IsExponent(gateway)))
            {
                throw new ImportRefusedException(ImportProblemCode.ScientificNotation, row.LineNumber, row.LineNumber, IsExponent(serial) ? serial : gateway!)
                {
                    MessageKey = format == SerialListFormat.Xlsx ? "ScientificNotation_Xlsx" : null,
                };
            }
            var line = new SerialListRow(row.LineNumber, serial, plan, gateway);
            if (serial.Length == 0)
            {
                line = line with { Problem = Problem(ImportProblemCode.SerialMissing, row.LineNumber) };
            }
            else if (!firstLineOf.TryAdd(line.NormalisedSerial, row.LineNumber))
            {
                var first = firstLineOf[line.NormalisedSerial];
                line = line with { Problem = Problem(ImportProblemCode.DuplicateSerial, row.LineNumber, serial, first) };
            }
            rows.Add(line);
        }
        if (map is null) return null;
        if (rows.Count == 0) throw new ImportRefusedException(ImportProblemCode.NoRows);
        return new SerialListReadResult
        {
            Rows = rows,
            Format = format,
            HasPlanColumn = map.Plan is not null,
            HasGatewayColumn = map.Gateway is not null,
        };
    }

    private ImportProblem Problem(ImportProblemCode code, int? line, params object[] args) => Problem(code, line, args, null);

    private ImportProblem Problem(ImportProblemCode code, int? line, object[] args, string? messageKey)
    {
        var key = messageKey ?? code.ToString();
        var message = args.Length == 0 ? text[key] : text[key, args];
        return new ImportProblem(code, message.Value, line);
    }

    /// <summary>Excel's CSV guard for long numbers: ="702000096622".</summary>
    private static string Unwrap(string value) =>
        value.Length > 3 && value.StartsWith("=\"", StringComparison.Ordinal) && value.EndsWith('"') ? value[2..^1].Trim() : value;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>A number a spreadsheet shortened to exponent form, such as 7.02E+11: its digits are gone.</summary>
    private static bool IsExponent(string value) => ExponentPattern().IsMatch(value);

    [GeneratedRegex(@"^[+-]?[0-9]+([.,][0-9]+)?[eE]\+[0-9]{1,3}$")]
    private static partial Regex ExponentPattern();

    private static bool IsBlank(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        var sample = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        return encoding.GetString(sample).All(c => char.IsWhiteSpace(c) || c is ',' or ';' or '"' or '\0' or '\uFEFF');
    }
}
