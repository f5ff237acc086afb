namespace WarrantyPortal.Domain.Registry;

public enum SerialNumberProblem
{
    None,
    Empty,
    InvalidCharacters,
    UnknownFormat,
    WrongFormatForFamily,
}

/// <summary>
/// A device serial number (the "UID" on the label) in its one normal form: trimmed, upper case,
/// spaces and dashes removed. Every entry point (forms, uploads, imports, the remote registry) parses through here,
/// so "7020 0009 6622" and "702000096622" are the same device.
/// </summary>
public readonly record struct SerialNumber
{
    private SerialNumber(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value ?? "";

    /// <summary>Trim, upper case, drop spaces and dashes. Does not validate.</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input)) return "";
        Span<char> buffer = input.Length <= 256 ? stackalloc char[input.Length] : new char[input.Length];
        var n = 0;
        foreach (var c in input.AsSpan().Trim())
        {
            if (c is ' ' or '-' or '\u00a0' or '\u2010' or '\u2011' or '\u2013' or '\t') continue;
            buffer[n++] = char.ToUpperInvariant(c);
        }
        return new string(buffer[..n]);
    }

    /// <summary>Accepts a serial number that matches the format of at least one product family.</summary>
    public static bool TryParse(string? input, out SerialNumber serialNumber, out SerialNumberProblem problem)
    {
        serialNumber = default;
        var value = Normalize(input);
        problem = Check(value);
        if (problem != SerialNumberProblem.None) return false;
        serialNumber = new SerialNumber(value);
        return true;
    }

    public static bool TryParse(string? input, out SerialNumber serialNumber) => TryParse(input, out serialNumber, out _);

    /// <summary>Accepts a serial number only in the format of the given family.</summary>
    public static bool TryParse(string? input, ProductFamily family, out SerialNumber serialNumber, out SerialNumberProblem problem)
    {
        if (!TryParse(input, out serialNumber, out problem)) return false;
        if (SerialNumberFormat.For(family).Matches(serialNumber.Value)) return true;
        serialNumber = default;
        problem = SerialNumberProblem.WrongFormatForFamily;
        return false;
    }

    public static SerialNumber Parse(string? input) =>
        TryParse(input, out var sn, out var problem) ? sn : throw new FormatException(Describe(input, problem));

    public static SerialNumber Parse(string? input, ProductFamily family) =>
        TryParse(input, family, out var sn, out var problem) ? sn : throw new FormatException(Describe(input, problem, family));

    /// <summary>An English reason for logs, exceptions and import reports.</summary>
    public static string Describe(string? input, SerialNumberProblem problem, ProductFamily? family = null) => problem switch
    {
        SerialNumberProblem.Empty => "The serial number is empty.",
        SerialNumberProblem.InvalidCharacters => $"'{input}' contains characters other than letters and digits.",
        SerialNumberProblem.UnknownFormat => $"'{input}' does not have the length or format of any product's serial number.",
        SerialNumberProblem.WrongFormatForFamily when family is { } f => $"'{input}' is not a valid serial number for a {f}: {SerialNumberFormat.For(f).Description}.",
        _ => $"'{input}' is not a valid serial number.",
    };

    private static SerialNumberProblem Check(string value)
    {
        if (value.Length == 0) return SerialNumberProblem.Empty;
        foreach (var c in value)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9'))) return SerialNumberProblem.InvalidCharacters;
        }
        return SerialNumberFormat.All.Any(f => f.Matches(value)) ? SerialNumberProblem.None : SerialNumberProblem.UnknownFormat;
    }

    /// <summary>For values already normalised and validated elsewhere (the database, a trusted registry).</summary>
    internal static SerialNumber FromTrusted(string value) => new(value);
}

/// <summary>Length and alphabet of a product family's serial numbers.</summary>
public sealed record SerialNumberFormat(ProductFamily Family, int Length, bool DigitsOnly, string Description)
{
    public static readonly IReadOnlyList<SerialNumberFormat> All =
    [
        new(ProductFamily.MicroInverter, 12, true, "12 digits, e.g. 702000096622"),
        new(ProductFamily.MonitoringGateway, 12, true, "12 digits, e.g. 216000123456"),
        new(ProductFamily.StringInverter, 14, false, "14 letters and digits starting with a letter, e.g. SI1ES120N80001"),
        new(ProductFamily.HybridInverter, 16, false, "16 letters and digits starting with a letter, e.g. HY3K6ES220000001"),
        new(ProductFamily.Battery, 15, false, "15 letters and digits starting with a letter, e.g. BT5K1LV20000001"),
    ];

    public static SerialNumberFormat For(ProductFamily family) => All.First(f => f.Family == family);

    public bool Matches(string normalized)
    {
        if (normalized.Length != Length) return false;
        if (DigitsOnly) return normalized.All(char.IsAsciiDigit);
        return char.IsAsciiLetterUpper(normalized[0]) && normalized.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
    }
}
