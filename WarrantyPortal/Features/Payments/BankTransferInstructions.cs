using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain;
using WarrantyPortal.Features.Notifications;

namespace WarrantyPortal.Features.Payments;

/// <summary>The wire-transfer details for one order, ready to show on a page.</summary>
public sealed record BankTransferDetails(string AccountHolder, string Iban, string Bic, string BankName, Money Amount, string Reference, DateTime PayByUtc);

/// <summary>Renders wire-transfer instructions (exact amount, order number as the required reference) for the page and the email, in the customer's language.</summary>
public sealed class BankTransferInstructions(IOptions<BankTransferOptions> options, IStringLocalizer<PaymentsText> text, EmailComposer composer)
{
    public BankTransferDetails For(string orderNumber, Money amount, DateTime sentAtUtc)
    {
        var o = options.Value;
        if (!o.IsConfigured) throw new InvalidOperationException("Wire transfer is not configured (Payments:BankTransfer:Iban).");
        return new BankTransferDetails(o.AccountHolder, o.IbanForDisplay, o.Bic.ToUpperInvariant(), o.BankName, amount, orderNumber, o.ExpiresAt(sentAtUtc));
    }

    /// <summary>The instructions as plain text lines (the email's text part, a copy-paste block on the page).</summary>
    public string RenderText(string orderNumber, Money amount, DateTime sentAtUtc, string culture)
    {
        using var _ = CultureScope.Use(culture);
        return string.Join(Environment.NewLine, Paragraphs(For(orderNumber, amount, sentAtUtc)));
    }

    /// <summary>The email sent when the customer chooses wire transfer; queue it with EmailOutbox.Add in the same transaction.</summary>
    public Email ComposeEmail(string toAddress, string toName, string culture, string orderNumber, Money amount, DateTime sentAtUtc, string? orderUrl = null)
    {
        using var _ = CultureScope.Use(culture);
        var d = For(orderNumber, amount, sentAtUtc);
        var paragraphs = new List<string> { string.Format(CultureInfo.CurrentCulture, text["Transfer_Greeting"], toName) };
        paragraphs.AddRange(Paragraphs(d));
        return composer.Compose("PaymentWireInstructions", toAddress, toName, culture,
            string.Format(CultureInfo.CurrentCulture, text["Transfer_Subject"], orderNumber), paragraphs,
            orderUrl is null ? null : new EmailAction(text["Transfer_ViewOrder"], orderUrl), reference: orderNumber);
    }

    /// <summary>The reminder sent when the transfer has not arrived after Payments:BankTransfer:ReminderAfterDays.</summary>
    public Email ComposeReminder(string toAddress, string toName, string culture, string orderNumber, Money amount, DateTime sentAtUtc, string? orderUrl = null)
    {
        using var _ = CultureScope.Use(culture);
        var d = For(orderNumber, amount, sentAtUtc);
        var paragraphs = new List<string>
        {
            string.Format(CultureInfo.CurrentCulture, text["Transfer_Greeting"], toName),
            string.Format(CultureInfo.CurrentCulture, text["Transfer_Reminder_Intro"], orderNumber, d.PayByUtc.ToString("D", CultureInfo.CurrentCulture)),
        };
        paragraphs.AddRange(Paragraphs(d));
        paragraphs.Add(text["Transfer_Reminder_AlreadyPaid"]);
        return composer.Compose("PaymentWireReminder", toAddress, toName, culture,
            string.Format(CultureInfo.CurrentCulture, text["Transfer_Reminder_Subject"], orderNumber), paragraphs,
            orderUrl is null ? null : new EmailAction(text["Transfer_ViewOrder"], orderUrl), reference: orderNumber);
    }

    /// <summary>The notice that the order expired because no transfer arrived by the deadline.</summary>
    public Email ComposeExpired(string toAddress, string toName, string culture, string orderNumber, Money amount, DateTime sentAtUtc, string? orderUrl = null)
    {
        using var _ = CultureScope.Use(culture);
        var d = For(orderNumber, amount, sentAtUtc);
        var paragraphs = new List<string>
        {
            string.Format(CultureInfo.CurrentCulture, text["Transfer_Greeting"], toName),
            string.Format(CultureInfo.CurrentCulture, text["Transfer_Expired_Body"], orderNumber, amount.Format(), d.PayByUtc.ToString("D", CultureInfo.CurrentCulture)),
            text["Transfer_Expired_Next"],
        };
        return composer.Compose("PaymentWireExpired", toAddress, toName, culture,
            string.Format(CultureInfo.CurrentCulture, text["Transfer_Expired_Subject"], orderNumber), paragraphs,
            orderUrl is null ? null : new EmailAction(text["Transfer_ViewOrder"], orderUrl), reference: orderNumber);
    }

    private IEnumerable<string> Paragraphs(BankTransferDetails d)
    {
        yield return string.Format(CultureInfo.CurrentCulture, text["Transfer_Intro"], d.Amount.Format(), d.Reference);
        var details = new StringBuilder()
            .AppendLine($"{text["Transfer_Amount"]}: {d.Amount.Format()}")
            .AppendLine($"{text["Transfer_Reference"]}: {d.Reference}")
            .AppendLine($"{text["Transfer_Holder"]}: {d.AccountHolder}")
            .AppendLine($"IBAN: {d.Iban}")
            .AppendLine($"BIC: {d.Bic}");
        if (!string.IsNullOrWhiteSpace(d.BankName)) details.AppendLine($"{text["Transfer_Bank"]}: {d.BankName}");
        yield return details.ToString().TrimEnd();
        yield return string.Format(CultureInfo.CurrentCulture, text["Transfer_ReferenceRequired"], d.Reference);
        yield return string.Format(CultureInfo.CurrentCulture, text["Transfer_PayBy"], d.PayByUtc.ToString("D", CultureInfo.CurrentCulture));
        yield return text["Transfer_AfterPayment"];
    }
}
