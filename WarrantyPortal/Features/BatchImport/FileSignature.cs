using System.Text;

namespace WarrantyPortal.Features.BatchImport;

internal enum FileKind
{
    Empty,
    Zip,
    Ole2Workbook,
    Ole2Encrypted,
    Ole2Other,
    Text,
    Binary,
}

/// <summary>What an upload is, from its first bytes rather than its name (files get renamed).</summary>
internal static class FileSignature
{
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] EncryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");
    private static readonly byte[] Workbook = Encoding.Unicode.GetBytes("Workbook");
    private static readonly byte[] Book = Encoding.Unicode.GetBytes("Book");

    public static FileKind Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return FileKind.Empty;
        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("PK\u0005\u0006"u8)) return FileKind.Zip;
        if (bytes.StartsWith(Ole2))
        {
            // A password-protected .xlsx is an OLE2 compound file whose directory names an "EncryptedPackage" stream.
            if (bytes.IndexOf(EncryptedPackage) >= 0) return FileKind.Ole2Encrypted;
            if (bytes.IndexOf(Workbook) >= 0 || bytes.IndexOf(Book) >= 0) return FileKind.Ole2Workbook;
            return FileKind.Ole2Other;
        }
        return CsvSerialSource.LooksLikeText(bytes[..Math.Min(bytes.Length, 8192)]) ? FileKind.Text : FileKind.Binary;
    }
}
