using System.Globalization;

namespace WarrantyPortal.Domain;

/// <summary>
/// An amount in the currency's minor units (cents) with its ISO 4217 code.
/// Stored as two columns so the database can sort and compare amounts.
/// </summary>
public readonly record struct Money(long Minor, string Currency)
{
    public static Money Zero(string currency) => new(0, currency);

    public decimal Amount => Minor / (decimal)Currencies.MinorFactor(Currency);

    public static Money FromDecimal(decimal amount, string currency) =>
        new((long)Math.Round(amount * Currencies.MinorFactor(currency), MidpointRounding.AwayFromZero), currency);

    public static Money operator +(Money a, Money b) => new(checked(a.Minor + b.Minor), SameCurrency(a, b));

    public static Money operator -(Money a, Money b) => new(checked(a.Minor - b.Minor), SameCurrency(a, b));

    public Money Times(int quantity) => new(checked(Minor * quantity), Currency);

    /// <summary>Applies a rate (e.g. 0.21 VAT) rounding half away from zero to the minor unit.</summary>
    public Money Percent(decimal rate) =>
        new((long)Math.Round(Minor * rate, MidpointRounding.AwayFromZero), Currency);

    public string Format(IFormatProvider? culture = null)
    {
        var c = (CultureInfo)(culture ?? CultureInfo.CurrentCulture);
        var nf = (NumberFormatInfo)c.NumberFormat.Clone();
        nf.CurrencySymbol = Currencies.Symbol(Currency);
        nf.CurrencyDecimalDigits = Currencies.Decimals(Currency);
        return Amount.ToString("C", nf);
    }

    public override string ToString() => $"{Amount.ToString("F" + Currencies.Decimals(Currency), CultureInfo.InvariantCulture)} {Currency}";

    private static string SameCurrency(Money a, Money b) =>
        a.Currency == b.Currency ? a.Currency : throw new InvalidOperationException($"Cannot combine {a.Currency} and {b.Currency}.");
}

public static class Currencies
{
    private static readonly Dictionary<string, (string Symbol, int Decimals)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = ("€", 2),
        ["USD"] = ("$", 2),
        ["GBP"] = ("£", 2),
        ["CNY"] = ("¥", 2),
        ["AUD"] = ("A$", 2),
        ["JPY"] = ("¥", 0),
        ["CHF"] = ("CHF", 2),
    };

    public static IReadOnlyCollection<string> All => Known.Keys;

    public static bool IsKnown(string code) => Known.ContainsKey(code);

    public static int Decimals(string code) => Known.TryGetValue(code, out var c) ? c.Decimals : 2;

    public static long MinorFactor(string code) => (long)Math.Pow(10, Decimals(code));

    public static string Symbol(string code) => Known.TryGetValue(code, out var c) ? c.Symbol : code;
}
