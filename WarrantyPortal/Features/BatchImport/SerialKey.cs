namespace WarrantyPortal.Features.BatchImport;

/// <summary>
/// The comparison key of a serial number: trimmed, upper case, without spaces or dashes, so that
/// "702-000 096622" and "702000096622" are the same device. The single place batch import normalises.
/// </summary>
internal static class SerialKey
{
    public static string Normalise(string serial)
    {
        var span = serial.AsSpan().Trim();
        Span<char> buffer = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
        var n = 0;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212')
            {
                continue;
            }
            buffer[n++] = char.ToUpperInvariant(c);
        }
        return new string(buffer[..n]);
    }
}
