using System.Globalization;
using System.Text.RegularExpressions;

namespace WarrantyPortal.Domain.Orders;

/// <summary>Order numbers: "WE", the UTC day (yyyyMMdd), then the day's sequence on at least 4 digits (WE202306210003).</summary>
public static partial class OrderNumber
{
    public const string Prefix = "WE";

    public static string Format(DateOnly day, int sequence)
    {
        if (sequence < 1) throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "The daily sequence starts at 1.");
        return Prefix + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D4", CultureInfo.InvariantCulture);
    }

    /// <summary>The counter key for a day (the number's date part).</summary>
    public static string DayKey(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static bool IsValid(string? text) => text is not null && Shape().IsMatch(text)
        && DateOnly.TryParseExact(text.Substring(2, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Trims and upper-cases what a user typed; null when it cannot be an order number.</summary>
    public static string? Normalize(string? text)
    {
        var t = text?.Trim().ToUpperInvariant();
        return IsValid(t) ? t : null;
    }

    [GeneratedRegex("^WE[0-9]{8}[0-9]{4,}$")]
    private static partial Regex Shape();
}
