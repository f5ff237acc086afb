using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Features.BatchImport;

namespace WarrantyPortal.Tests.Features.BatchImport;

/// <summary>Readers, localised text and hand-built files for the batch import tests.</summary>
internal static class BatchImportKit
{
    public static IStringLocalizer<BatchImportText> Text { get; } = new StringLocalizer<BatchImportText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public static SerialListReader Reader(SerialListLimits? limits = null) => new(Text, limits ?? SerialListLimits.Default);

    public static BatchTemplates Templates() => new(Text);

    public static Task<SerialListReadResult> ReadAsync(byte[] bytes, SerialListLimits? limits = null) =>
        Reader(limits).ReadAsync(new MemoryStream(bytes));

    public static Task<SerialListReadResult> ReadTextAsync(string text, Encoding? encoding = null) =>
        ReadAsync((encoding ?? new UTF8Encoding(false)).GetBytes(text));

    public static Task<SerialListReadResult> ReadTestFileAsync(string name) =>
        ReadAsync(File.ReadAllBytes(TestFile(name)));

    public static string TestFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "BatchImport", name);

    public static string[] Serials(SerialListReadResult result) => result.Rows.Select(r => r.SerialAsWritten).ToArray();

    /// <summary>A minimal XLSX package around the given sheet XML (and optional shared strings and styles).</summary>
    public static byte[] MinimalXlsx(string sheetData, string? sharedStrings = null, string? styles = null, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string content)
            {
                var entry = zip.CreateEntry(path, level);
                using var w = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                w.Write(content);
            }
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/></Relationships>""");
            Add("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheetData}</sheetData></worksheet>""");
            if (sharedStrings is not null)
            {
                Add("xl/sharedStrings.xml", $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sharedStrings}</sst>""");
            }
            if (styles is not null)
            {
                Add("xl/styles.xml", $"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{styles}</styleSheet>""");
            }
        }
        return output.ToArray();
    }

    /// <summary>
    /// A workbook whose sheet is <paramref name="padding"/> bytes of spaces after a valid SN header: a few hundred
    /// kilobytes on the wire that inflate to anything asked.
    /// </summary>
    public static byte[] ZipBomb(long padding)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var basic = MinimalXlsx("""<row r="1"><c r="A1" t="inlineStr"><is><t>SN</t></is></c></row>""");
            using (var source = new ZipArchive(new MemoryStream(basic)))
            {
                foreach (var e in source.Entries.Where(e => !e.FullName.EndsWith("sheet1.xml", StringComparison.Ordinal)))
                {
                    using var from = e.Open();
                    using var to = zip.CreateEntry(e.FullName).Open();
                    from.CopyTo(to);
                }
            }
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            sheet.Write("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>SN</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>702000096622"""u8);
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (long written = 0; written < padding; written += spaces.Length)
            {
                sheet.Write(spaces);
            }
            sheet.Write("</t></is></c></row></sheetData></worksheet>"u8);
        }
        return output.ToArray();
    }

    /// <summary>Rewrites the uncompressed size a zip declares for <paramref name="entryName"/>, in both headers.</summary>
    public static byte[] LieAboutSize(byte[] zip, string entryName, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.ASCII.GetBytes(entryName);
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            if (signature == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), declared);
            }
            else if (signature == 0x02014b50 && bytes.AsSpan(i + 46, Math.Min(name.Length, bytes.Length - i - 46)).SequenceEqual(name))
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), declared);
            }
        }
        return bytes;
    }

    /// <summary>
    /// The shape of a password-protected .xlsx: an OLE2 compound file whose directory holds the
    /// "EncryptionInfo" and "EncryptedPackage" streams (the workbook itself is encrypted inside the latter).
    /// </summary>
    public static byte[] EncryptedWorkbook()
    {
        var file = new byte[512 * 3];
        byte[] signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        signature.CopyTo(file, 0);
        BitConverter.TryWriteBytes(file.AsSpan(0x18), (ushort)0x003E); // minor version
        BitConverter.TryWriteBytes(file.AsSpan(0x1A), (ushort)0x0003); // major version 3
        BitConverter.TryWriteBytes(file.AsSpan(0x1C), (ushort)0xFFFE); // little endian
        BitConverter.TryWriteBytes(file.AsSpan(0x1E), (ushort)9);      // 512-byte sectors
        BitConverter.TryWriteBytes(file.AsSpan(0x20), (ushort)6);
        BitConverter.TryWriteBytes(file.AsSpan(0x2C), 1);              // one FAT sector
        BitConverter.TryWriteBytes(file.AsSpan(0x30), 1);              // directory starts at sector 1
        BitConverter.TryWriteBytes(file.AsSpan(0x38), 4096);
        BitConverter.TryWriteBytes(file.AsSpan(0x3C), -2);
        BitConverter.TryWriteBytes(file.AsSpan(0x44), -2);
        BitConverter.TryWriteBytes(file.AsSpan(0x4C), 0);              // FAT in sector 0
        for (var i = 1; i < 109; i++) BitConverter.TryWriteBytes(file.AsSpan(0x4C + i * 4), -1);
        var fat = 512;
        BitConverter.TryWriteBytes(file.AsSpan(fat), -3);
        BitConverter.TryWriteBytes(file.AsSpan(fat + 4), -2);
        for (var i = 2; i < 128; i++) BitConverter.TryWriteBytes(file.AsSpan(fat + i * 4), -1);
        var dir = 1024;
        string[] names = ["Root Entry", "EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"];
        for (var i = 0; i < names.Length; i++)
        {
            var entry = dir + 128 * i;
            Encoding.Unicode.GetBytes(names[i]).CopyTo(file, entry);
            BitConverter.TryWriteBytes(file.AsSpan(entry + 64), (ushort)((names[i].Length + 1) * 2));
            file[entry + 66] = (byte)(i == 0 ? 5 : i == 3 ? 1 : 2);
        }
        return file;
    }

    /// <summary>A 1×1 PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}

/// <summary>An upload as the browser sends it: forward only, asynchronous, and counting what was taken from it.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public long BytesRead { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Synchronous reads are not allowed.");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        BytesRead += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>An endless stream of CSV-looking bytes.</summary>
internal sealed class EndlessStream : Stream
{
    private static readonly byte[] Line = "702000096622,EXT5\n"u8.ToArray();
    private long _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        for (var i = 0; i < count; i++) buffer[offset + i] = Line[(_position + i) % Line.Length];
        _position += count;
        return count;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
