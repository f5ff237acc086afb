using System.Text;
using System.Text.Unicode;

namespace WarrantyPortal.Features.BatchImport;

/// <summary>
/// Reads delimited text as spreadsheets and scripts write it: separator <c>,</c> <c>;</c> or tab (chosen by the
/// header line), UTF-8 with or without BOM, UTF-16 LE/BE, otherwise Windows-1252; RFC 4180 quoting; CRLF, LF or CR.
/// </summary>
internal static class CsvSerialSource
{
    private static readonly char[] Separators = ['\t', ';', ','];

    static CsvSerialSource() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Whether the bytes look like text rather than a binary file with a .csv name.</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (DetectBom(head) is not null || LooksLikeUtf16(head) is not null)
        {
            return true;
        }
        var control = 0;
        foreach (var b in head)
        {
            if (b == 0) return false;
            if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n' and not 0x0C and not 0x1A) control++;
        }
        return control * 100 <= head.Length;
    }

    /// <summary>The text encoding and the length of its byte order mark.</summary>
    public static (Encoding Encoding, int BomLength) DetectEncoding(ReadOnlySpan<byte> bytes)
    {
        if (DetectBom(bytes) is { } bom)
        {
            return bom;
        }
        if (LooksLikeUtf16(bytes) is { } utf16)
        {
            return (utf16, 0);
        }
        return Utf8.IsValid(bytes)
            ? (new UTF8Encoding(false, true), 0)
            : (Encoding.GetEncoding(1252), 0);
    }

    /// <summary>
    /// The rows of <paramref name="text"/>, split with the separator that makes a header row appear.
    /// <paramref name="progress"/> receives the share of the text read so far.
    /// </summary>
    public static IEnumerable<SheetRow> ReadRows(ArraySegment<byte> text, Encoding encoding, int headerSearchRows, Action<double>? progress = null)
    {
        var separator = ChooseSeparator(text, encoding, headerSearchRows);
        var bytes = Open(text);
        using var reader = new StreamReader(bytes, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        var parser = new CsvRecordParser(reader, separator);
        var rows = 0;
        while (parser.Read() is { } row)
        {
            yield return row;
            if (++rows % 1000 == 0 && text.Count > 0) progress?.Invoke((double)bytes.Position / text.Count);
        }
    }

    private static MemoryStream Open(ArraySegment<byte> text) => new(text.Array!, text.Offset, text.Count, writable: false);

    private static char ChooseSeparator(ArraySegment<byte> text, Encoding encoding, int headerSearchRows)
    {
        var best = ',';
        var bestFields = 0;
        foreach (var separator in Separators)
        {
            using var reader = new StreamReader(Open(text), encoding, detectEncodingFromByteOrderMarks: false);
            var parser = new CsvRecordParser(reader, separator);
            for (var i = 0; i < headerSearchRows && parser.Read() is { } row; i++)
            {
                if (ColumnMap.TryMatch(row.Cells) is null) continue;
                var fields = row.Cells.Count(c => c.Length > 0);
                if (fields > bestFields)
                {
                    best = separator;
                    bestFields = fields;
                }
                break;
            }
        }
        return best;
    }

    private static (Encoding, int)? DetectBom(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (new UTF8Encoding(false, false), 3);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return (new UTF32Encoding(false, false), 4);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (new UnicodeEncoding(false, false), 2);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (new UnicodeEncoding(true, false), 2);
        return null;
    }

    /// <summary>UTF-16 without a BOM: ASCII text leaves every other byte zero.</summary>
    private static Encoding? LooksLikeUtf16(ReadOnlySpan<byte> b)
    {
        var n = Math.Min(b.Length, 4096) & ~1;
        if (n < 4) return null;
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (b[i] == 0) zeroEven++;
            if (b[i + 1] == 0) zeroOdd++;
        }
        var pairs = n / 2;
        if (zeroOdd * 10 >= pairs * 7 && zeroEven * 10 < pairs) return new UnicodeEncoding(false, false);
        if (zeroEven * 10 >= pairs * 7 && zeroOdd * 10 < pairs) return new UnicodeEncoding(true, false);
        return null;
    }
}

/// <summary>RFC 4180 records from a text reader, leniently: padding around fields is dropped, stray quotes kept.</summary>
internal sealed class CsvRecordParser(TextReader reader, char separator)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _field = new();
    private int _length;
    private int _pos;
    private int _line = 1;

    public SheetRow? Read()
    {
        if (Peek() < 0) return null;
        var startLine = _line;
        var fields = new List<string>();
        while (true)
        {
            var end = ReadField(out var value);
            fields.Add(value);
            if (end != separator) break;
        }
        return new SheetRow(startLine, fields);
    }

    /// <summary>Reads one field; returns the separator, '\n' at the end of a line, or -1 at the end of the text.</summary>
    private int ReadField(out string value)
    {
        _field.Clear();
        SkipPadding();
        if (Peek() == '"')
        {
            Next();
            while (true)
            {
                var c = Next();
                if (c < 0) break;
                if (c == '"')
                {
                    if (Peek() == '"') { Next(); _field.Append('"'); continue; }
                    break;
                }
                if (c == '\r' && Peek() == '\n') { Next(); c = '\n'; }
                if (c == '\n' || c == '\r') { _line++; c = '\n'; }
                _field.Append((char)c);
            }
        }
        while (true)
        {
            var c = Next();
            if (c < 0) { value = Trimmed(); return -1; }
            if (c == separator) { value = Trimmed(); return separator; }
            if (c == '\n' || c == '\r')
            {
                if (c == '\r' && Peek() == '\n') Next();
                _line++;
                value = Trimmed();
                return '\n';
            }
            _field.Append((char)c);
        }
    }

    private void SkipPadding()
    {
        while (Peek() is ' ' && separator != ' ') Next();
    }

    private string Trimmed() => _field.Length == 0 ? "" : _field.ToString().Trim();

    private int Peek()
    {
        if (_pos < _length) return _buffer[_pos];
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        return _length > 0 ? _buffer[0] : -1;
    }

    private int Next()
    {
        var c = Peek();
        if (c >= 0) _pos++;
        return c;
    }
}
