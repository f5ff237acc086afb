using System.Numerics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace WarrantyPortal.Features.Payments;

/// <summary>The account customers wire money to (Payments:BankTransfer). Without an IBAN, wire transfer is not offered.</summary>
public sealed partial class BankTransferOptions
{
    public const string Section = "Payments:BankTransfer";

    public string AccountHolder { get; set; } = "";
    public string Iban { get; set; } = "";
    public string Bic { get; set; } = "";
    public string BankName { get; set; } = "";

    /// <summary>Days after the instructions are sent before the customer is reminded.</summary>
    public int ReminderAfterDays { get; set; } = 7;

    /// <summary>Days after the instructions are sent before the unpaid order expires (after the reminder).</summary>
    public int ExpireAfterDays { get; set; } = 14;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Iban);

    public DateTime ReminderDueAt(DateTime sentAtUtc) => sentAtUtc.AddDays(ReminderAfterDays);

    public DateTime ExpiresAt(DateTime sentAtUtc) => sentAtUtc.AddDays(ExpireAfterDays);

    /// <summary>IBAN in groups of four, as printed on bank documents.</summary>
    public string IbanForDisplay => string.Join(' ', Chunk(Normalize(Iban)));

    public static string Normalize(string iban) => WhiteSpace().Replace(iban, "").ToUpperInvariant();

    /// <summary>ISO 13616 check: country, check digits and mod-97 of the rearranged number.</summary>
    public static bool IsValidIban(string iban)
    {
        var s = Normalize(iban);
        if (!IbanShape().IsMatch(s)) return false;
        var rearranged = s[4..] + s[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsDigit(c) ? c.ToString() : (c - 'A' + 10).ToString()));
        return BigInteger.Parse(digits) % 97 == 1;
    }

    private static IEnumerable<string> Chunk(string s)
    {
        for (var i = 0; i < s.Length; i += 4) yield return s.Substring(i, Math.Min(4, s.Length - i));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$")]
    private static partial Regex IbanShape();
}

/// <summary>Refuses to start with bank details customers would send money to in vain.</summary>
public sealed class BankTransferOptionsValidator : IValidateOptions<BankTransferOptions>
{
    public ValidateOptionsResult Validate(string? name, BankTransferOptions o)
    {
        if (!o.IsConfigured) return ValidateOptionsResult.Success;
        var errors = new List<string>();
        if (!BankTransferOptions.IsValidIban(o.Iban)) errors.Add($"Payments:BankTransfer:Iban '{o.Iban}' is not a valid IBAN (check digits do not match).");
        if (string.IsNullOrWhiteSpace(o.AccountHolder)) errors.Add("Payments:BankTransfer:AccountHolder is required with an IBAN.");
        if (string.IsNullOrWhiteSpace(o.Bic)) errors.Add("Payments:BankTransfer:Bic is required with an IBAN.");
        if (o.ReminderAfterDays < 1) errors.Add("Payments:BankTransfer:ReminderAfterDays must be at least 1.");
        if (o.ExpireAfterDays <= o.ReminderAfterDays) errors.Add("Payments:BankTransfer:ExpireAfterDays must be later than ReminderAfterDays.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
