using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace WarrantyPortal.Features.BatchImport;

/// <summary>
/// Streams the rows of an XLSX workbook without loading it: the zip is checked for bomb-like sizes first,
/// every part is read through a byte cap, and worksheets are read forward with an <see cref="XmlReader"/>.
/// Numeric cells are written out digit for digit (a 12-digit UID stays 702000096622), padded with leading
/// zeros when the cell's format is all zeros ("000000000000"). Element names are matched without namespace,
/// so transitional and strict OOXML both read.
/// </summary>
internal sealed class XlsxSerialSource : IDisposable
{
    private const int MaxColumns = 256;
    private const string OdsMimeType = "application/vnd.oasis.opendocument.spreadsheet";

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly ZipArchive _zip;
    private readonly SerialListLimits _limits;
    private readonly InflateBudget _budget;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private List<string>? _sharedStrings;
    private int[]? _zeroPadByStyle;

    private XlsxSerialSource(ZipArchive zip, SerialListLimits limits)
    {
        _zip = zip;
        _limits = limits;
        _budget = new InflateBudget(limits.MaxInflatedBytes);
        _entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in zip.Entries)
        {
            _entries.TryAdd(e.FullName.Replace('\\', '/').TrimStart('/'), e);
        }
    }

    /// <summary>The visible worksheets in workbook order: display name and the part that holds the cells.</summary>
    public IReadOnlyList<(string Name, string Part)> Sheets { get; private set; } = [];

    public static XlsxSerialSource Open(Stream seekable, SerialListLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new ImportRefusedException(ImportProblemCode.DamagedWorkbook);
        }
        var source = new XlsxSerialSource(zip, limits);
        try
        {
            source.CheckSizes();
            source.FindSheets();
            return source;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public void Dispose() => _zip.Dispose();

    private void CheckSizes()
    {
        if (_zip.Entries.Count > _limits.MaxZipEntries)
        {
            throw new ImportRefusedException(ImportProblemCode.SuspiciousArchive);
        }
        long declared = 0;
        foreach (var e in _zip.Entries)
        {
            declared += e.Length;
            var ratioTooHigh = e.Length > 1024 * 1024 && e.Length > (long)_limits.MaxCompressionRatio * Math.Max(1, e.CompressedLength);
            if (declared > _limits.MaxInflatedBytes || ratioTooHigh)
            {
                throw new ImportRefusedException(ImportProblemCode.SuspiciousArchive);
            }
        }
    }

    private void FindSheets()
    {
        if (_entries.TryGetValue("mimetype", out var mime) && mime.Length < 200)
        {
            using var r = new StreamReader(OpenPart(mime, 200));
            if (r.ReadToEnd().Trim().StartsWith(OdsMimeType, StringComparison.Ordinal))
            {
                throw new ImportRefusedException(ImportProblemCode.OpenDocumentSpreadsheet);
            }
        }
        var workbookPath = Relationships("", "_rels/.rels").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target;
        if (workbookPath is null || !workbookPath.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || !_entries.ContainsKey(workbookPath))
        {
            throw new ImportRefusedException(ImportProblemCode.NotASpreadsheet);
        }
        var folder = workbookPath.Contains('/') ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : "";
        var rels = Relationships(folder, $"{folder}_rels/{workbookPath[folder.Length..]}.rels");
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in rels) byId.TryAdd(r.Id, r.Target);
        SharedStringsPart = rels.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
        StylesPart = rels.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target;

        var sheets = new List<(string, string)>();
        using (var x = OpenXml(workbookPath, _limits.MaxSharedStringsBytes))
        {
            // A Word or PowerPoint file has the same package layout; only a workbook has a "workbook" root.
            if (x.MoveToContent() != XmlNodeType.Element || x.LocalName != "workbook")
            {
                throw new ImportRefusedException(ImportProblemCode.NotASpreadsheet);
            }
            while (x.Read())
            {
                if (x.NodeType != XmlNodeType.Element || x.LocalName != "sheet") continue;
                var state = x.GetAttribute("state");
                var id = RelationshipId(x);
                if (state is "hidden" or "veryHidden" || id is null || !byId.TryGetValue(id, out var part) || !_entries.ContainsKey(part)) continue;
                sheets.Add((x.GetAttribute("name") ?? "", part));
            }
        }
        Sheets = sheets;
    }

    private string? SharedStringsPart { get; set; }

    private string? StylesPart { get; set; }

    /// <summary>
    /// The rows of one sheet, cells by column (A = 0). Rows keep the sheet's row numbers; empty rows are skipped.
    /// <paramref name="progress"/> receives the share of the sheet part read so far.
    /// </summary>
    public IEnumerable<SheetRow> ReadRows(string part, Action<double>? progress = null)
    {
        var sharedStrings = LoadSharedStrings();
        var zeroPad = LoadZeroPadStyles();
        var entry = _entries[part];
        var stream = new CappedReadStream(Open(entry), Math.Min(_limits.MaxInflatedBytes, entry.Length + 1), _budget);
        using var x = XmlReader.Create(stream, XmlSettings);
        var cells = new List<string>();
        var rowNumber = 0;
        var column = -1;
        var rows = 0;
        var advance = true;
        while (!advance || x.Read())
        {
            advance = true;
            if (x.NodeType == XmlNodeType.Element && x.LocalName == "row")
            {
                rowNumber = int.TryParse(x.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : rowNumber + 1;
                column = -1;
                cells.Clear();
            }
            else if (x.NodeType == XmlNodeType.Element && x.LocalName == "c")
            {
                column = ColumnIndex(x.GetAttribute("r")) ?? column + 1;
                var value = ReadCell(x, sharedStrings, zeroPad);
                advance = false;
                if (column < MaxColumns && value.Length > 0)
                {
                    while (cells.Count <= column) cells.Add("");
                    cells[column] = value;
                }
            }
            else if (x.NodeType == XmlNodeType.EndElement && x.LocalName == "row")
            {
                if (cells.Count > 0)
                {
                    yield return new SheetRow(rowNumber, cells.ToArray());
                    if (++rows % 1000 == 0 && entry.Length > 0) progress?.Invoke(Math.Min(1, stream.BytesRead / (double)entry.Length));
                }
                cells.Clear();
            }
        }
    }

    /// <summary>Reads the cell at the reader (on its <c>c</c> element) and leaves the reader just after it.</summary>
    private static string ReadCell(XmlReader x, List<string> sharedStrings, int[] zeroPad)
    {
        var type = x.GetAttribute("t") ?? "n";
        var style = int.TryParse(x.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        if (x.IsEmptyElement)
        {
            x.Read();
            return "";
        }
        string? v = null, inline = null;
        var depth = x.Depth;
        x.Read();
        while (!x.EOF && !(x.NodeType == XmlNodeType.EndElement && x.Depth == depth))
        {
            if (x.NodeType != XmlNodeType.Element) x.Read();
            else if (x.LocalName == "v") v = x.ReadElementContentAsString();
            else if (x.LocalName == "is") inline = ReadRichText(x);
            else x.Skip();
        }
        x.Read();
        var text = type switch
        {
            "s" => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sharedStrings.Count ? sharedStrings[i] : "",
            "inlineStr" => inline ?? v ?? "",
            "n" => FormatNumber(v, style < zeroPad.Length ? zeroPad[style] : 0),
            "b" => v == "1" ? "TRUE" : v is null ? "" : "FALSE",
            _ => v ?? "",
        };
        return text.Trim();
    }

    /// <summary>
    /// A numeric cell's digits as the user typed them: integers in full, never in exponent form. Spreadsheets keep
    /// 15 significant digits, so a longer number has already lost its last digits: it is returned in exponent form,
    /// which the reader refuses with the advice to format the column as text.
    /// </summary>
    internal static string FormatNumber(string? raw, int zeroPadWidth)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "";
        raw = raw.Trim();
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) >= 1e15)
        {
            return value.ToString("0.##############E+0", CultureInfo.InvariantCulture);
        }
        string text;
        if (raw.AsSpan().TrimStart('-').ContainsAnyExceptInRange('0', '9'))
        {
            if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            {
                text = d == decimal.Truncate(d) ? d.ToString("0", CultureInfo.InvariantCulture) : d.ToString(CultureInfo.InvariantCulture);
            }
            else if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var f))
            {
                text = f.ToString("R", CultureInfo.InvariantCulture);
            }
            else
            {
                return raw;
            }
        }
        else
        {
            text = raw;
        }
        return zeroPadWidth > text.Length && !text.StartsWith('-') && !text.Contains('.') ? text.PadLeft(zeroPadWidth, '0') : text;
    }

    /// <summary>
    /// Text of a shared or inline string (reader on its <c>si</c> or <c>is</c> element): the concatenated
    /// <c>t</c> runs without phonetic guides. Leaves the reader just after the element.
    /// </summary>
    private static string ReadRichText(XmlReader x)
    {
        if (x.IsEmptyElement)
        {
            x.Read();
            return "";
        }
        var depth = x.Depth;
        string? single = null;
        System.Text.StringBuilder? many = null;
        x.Read();
        while (!x.EOF && !(x.NodeType == XmlNodeType.EndElement && x.Depth == depth))
        {
            if (x.NodeType != XmlNodeType.Element || x.LocalName == "r")
            {
                x.Read();
            }
            else if (x.LocalName == "t")
            {
                var t = x.ReadElementContentAsString();
                if (single is null) single = t;
                else (many ??= new System.Text.StringBuilder(single)).Append(t);
            }
            else
            {
                x.Skip();
            }
        }
        x.Read();
        return many?.ToString() ?? single ?? "";
    }

    private List<string> LoadSharedStrings()
    {
        if (_sharedStrings is not null) return _sharedStrings;
        var list = new List<string>();
        if (SharedStringsPart is not null && _entries.ContainsKey(SharedStringsPart))
        {
            using var x = OpenXml(SharedStringsPart, _limits.MaxSharedStringsBytes);
            var advance = true;
            while (!advance || x.Read())
            {
                advance = x.NodeType != XmlNodeType.Element || x.LocalName != "si";
                if (!advance) list.Add(ReadRichText(x));
            }
        }
        return _sharedStrings = list;
    }

    /// <summary>For each cell style, the width of an all-zeros number format ("000000"), or 0.</summary>
    private int[] LoadZeroPadStyles()
    {
        if (_zeroPadByStyle is not null) return _zeroPadByStyle;
        var pad = new List<int>();
        if (StylesPart is not null && _entries.ContainsKey(StylesPart))
        {
            var formats = new Dictionary<string, int>(StringComparer.Ordinal);
            using var x = OpenXml(StylesPart, _limits.MaxSharedStringsBytes);
            var inCellXfs = false;
            while (x.Read())
            {
                if (x.NodeType == XmlNodeType.Element && x.LocalName == "numFmt")
                {
                    var code = (x.GetAttribute("formatCode") ?? "").Replace("\"", "").Replace("\\", "");
                    if (code.Length > 0 && code.All(c => c == '0') && x.GetAttribute("numFmtId") is { } id) formats[id] = code.Length;
                }
                else if (x.LocalName == "cellXfs")
                {
                    inCellXfs = x.NodeType == XmlNodeType.Element && !x.IsEmptyElement;
                }
                else if (inCellXfs && x.NodeType == XmlNodeType.Element && x.LocalName == "xf")
                {
                    pad.Add(formats.GetValueOrDefault(x.GetAttribute("numFmtId") ?? "0"));
                }
            }
        }
        return _zeroPadByStyle = pad.ToArray();
    }

    private List<(string Id, string Type, string Target)> Relationships(string baseFolder, string relsPath)
    {
        var list = new List<(string, string, string)>();
        if (!_entries.ContainsKey(relsPath)) return list;
        using var x = OpenXml(relsPath, 4 * 1024 * 1024);
        while (x.Read())
        {
            if (x.NodeType != XmlNodeType.Element || x.LocalName != "Relationship") continue;
            var target = x.GetAttribute("Target");
            if (target is null || x.GetAttribute("TargetMode") == "External") continue;
            list.Add((x.GetAttribute("Id") ?? "", x.GetAttribute("Type") ?? "", ResolvePath(baseFolder, target)));
        }
        return list;
    }

    private static string ResolvePath(string baseFolder, string target)
    {
        var path = target.StartsWith('/') ? target.TrimStart('/') : baseFolder + target;
        var parts = new List<string>();
        foreach (var p in path.Split('/'))
        {
            if (p == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (p is not "." and not "") parts.Add(p);
        }
        return string.Join('/', parts);
    }

    private static string? RelationshipId(XmlReader x)
    {
        for (var i = 0; i < x.AttributeCount; i++)
        {
            x.MoveToAttribute(i);
            if (x.LocalName == "id" && x.NamespaceURI.Length > 0)
            {
                var value = x.Value;
                x.MoveToElement();
                return value;
            }
        }
        x.MoveToElement();
        return null;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            var u = char.ToUpperInvariant(c);
            if (u is < 'A' or > 'Z') break;
            index = index * 26 + (u - 'A' + 1);
            if (++letters > 3) return null;
        }
        return letters == 0 ? null : index - 1;
    }

    private XmlReader OpenXml(string part, long limit) => XmlReader.Create(OpenPart(_entries[part], limit), XmlSettings);

    private Stream OpenPart(ZipArchiveEntry entry, long limit)
    {
        if (entry.Length > limit) throw new ImportRefusedException(ImportProblemCode.SuspiciousArchive);
        return new CappedReadStream(Open(entry), Math.Min(limit, entry.Length + 1), _budget);
    }

    private static Stream Open(ZipArchiveEntry entry)
    {
        try
        {
            return entry.Open();
        }
        catch (InvalidDataException)
        {
            // Encrypted entries and unsupported compression methods land here.
            throw new ImportRefusedException(ImportProblemCode.DamagedWorkbook);
        }
    }
}
