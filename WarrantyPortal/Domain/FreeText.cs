namespace WarrantyPortal.Domain;

/// <summary>
/// Text people type (names, addresses, remarks) as it is stored and printed. Control characters (a pasted tab, a NUL that
/// PostgreSQL refuses, an escape code) become spaces; line breaks survive only where the field has several lines.
/// Lengths are checked by the caller against the column it fills, so an overlong value is refused with a message rather
/// than failing in the database.
/// </summary>
public static class FreeText
{
    public static string Line(string? text) => Clean(text, keepLineBreaks: false);

    public static string? LineOrNull(string? text) => Line(text) is { Length: > 0 } s ? s : null;

    public static string? BlockOrNull(string? text) => Clean(text, keepLineBreaks: true) is { Length: > 0 } s ? s : null;

    public static bool Fits(string? text, int maxLength) => text is null || text.Trim().Length <= maxLength;

    private static string Clean(string? text, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (!text.Any(char.IsControl)) return text.Trim();
        var chars = text.Replace("\r\n", "\n", StringComparison.Ordinal).ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]) && !(keepLineBreaks && chars[i] == '\n')) chars[i] = ' ';
        }
        return new string(chars).Trim();
    }
}
