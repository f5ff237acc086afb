using System.Globalization;

namespace WarrantyPortal.Features.Payments.TestCheckout;

/// <summary>What the customer typed into the test checkout's card form.</summary>
public sealed record CardDetails(string Number, string Expiry, string Cvc, string Name);

public enum TestCardOutcome
{
    Succeeds,
    InsufficientFunds,
    Declined,
    RequiresAuthentication,
    NotATestCard,
}

/// <summary>
/// The card checks a hosted checkout runs before charging (Luhn, expiry, CVC) and the behaviour of
/// Stripe's documented test card numbers. Messages are resource keys in PaymentsText.
/// </summary>
public static class TestCard
{
    public const string Success = "4242424242424242";
    public const string InsufficientFundsCard = "4000000000009995";
    public const string AuthenticationCard = "4000002500003155";
    public const string DeclinedCard = "4000000000000002";

    /// <summary>Field name (number, expiry, cvc, name) to message key; empty when the form is complete and plausible.</summary>
    public static IReadOnlyDictionary<string, string> Validate(CardDetails card, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        var digits = Digits(card.Number);
        if (digits.Length == 0) errors["number"] = "Card_NumberRequired";
        else if (digits.Length is < 13 or > 19 || digits.Length != card.Number.Count(c => !char.IsWhiteSpace(c) && c != '-')) errors["number"] = "Card_NumberIncomplete";
        else if (!PassesLuhn(digits)) errors["number"] = "Card_NumberInvalid";

        if (string.IsNullOrWhiteSpace(card.Expiry)) errors["expiry"] = "Card_ExpiryRequired";
        else if (ParseExpiry(card.Expiry) is not { } expiry) errors["expiry"] = "Card_ExpiryFormat";
        else if (expiry < new DateOnly(today.Year, today.Month, 1)) errors["expiry"] = "Card_ExpiryPast";

        var cvc = card.Cvc?.Trim() ?? "";
        if (cvc.Length is < 3 or > 4 || !cvc.All(char.IsAsciiDigit)) errors["cvc"] = "Card_CvcInvalid";

        if (string.IsNullOrWhiteSpace(card.Name)) errors["name"] = "Card_NameRequired";
        return errors;
    }

    public static TestCardOutcome OutcomeOf(string number) => Digits(number) switch
    {
        Success => TestCardOutcome.Succeeds,
        InsufficientFundsCard => TestCardOutcome.InsufficientFunds,
        AuthenticationCard => TestCardOutcome.RequiresAuthentication,
        DeclinedCard => TestCardOutcome.Declined,
        _ => TestCardOutcome.NotATestCard,
    };

    public static bool PassesLuhn(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt && (d *= 2) > 9) d -= 9;
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /// <summary>The first day of the expiry month from "MM / YY", "MM/YYYY" or "MMYY".</summary>
    public static DateOnly? ParseExpiry(string text)
    {
        var parts = text.Split(['/', ' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 1 && parts[0].Length == 4) parts = [parts[0][..2], parts[0][2..]];
        if (parts.Length != 2) return null;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12) return null;
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return null;
        year = parts[1].Length switch { 2 => 2000 + year, 4 => year, _ => -1 };
        return year < 2000 ? null : new DateOnly(year, month, 1);
    }

    public static string Last4(string number)
    {
        var d = Digits(number);
        return d.Length >= 4 ? d[^4..] : d;
    }

    private static string Digits(string? number) => new((number ?? "").Where(char.IsAsciiDigit).ToArray());
}
