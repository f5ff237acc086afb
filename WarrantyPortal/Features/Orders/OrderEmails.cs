using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Orders;

/// <summary>The order feature's emails, each rendered in its recipient's language.</summary>
public sealed class OrderEmails(EmailComposer composer, IStringLocalizer<OrderText> t, IOptions<PortalOptions> portal, IOptions<MailOptions> mail)
{
    private string BaseUrl => portal.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>To the buyer after submit: what was ordered, what happens next, and for a consumer the withdrawal notice and model form.</summary>
    public Email Confirmation(Order order, string culture)
    {
        using var _ = CultureScope.Use(culture);
        var totals = order.Totals;
        var paragraphs = new List<string>
        {
            t["Email_Greeting", order.Buyer.FullName],
            t["Email_Confirm_Received", order.Number!],
            string.Join("\n", order.Lines.Select(l => $"{l.SerialNumber} · {l.ProductModel} · {l.PlanName} · {new Money(l.SettlementAmountMinor, order.Currency).Format()}")),
            TotalsText(totals),
            t["Email_Confirm_Next"],
        };
        if (order.Buyer.HasWithdrawalRight)
        {
            paragraphs.Add(t["Email_Withdrawal_Notice", mail.Value.FromAddress]);
            paragraphs.Add(t["Email_Withdrawal_Form", $"{portal.Value.BrandName}, {mail.Value.FromAddress}", order.Number!,
                order.SubmittedAtUtc!.Value.ToString("d", CultureInfo.CurrentCulture)]);
        }
        return composer.Compose("order-submitted", order.Buyer.Email, order.Buyer.FullName, culture,
            t["Email_Confirm_Subject", order.Number!], paragraphs,
            new EmailAction(t["Email_ViewOrder"], $"{BaseUrl}/orders/{order.Number}"), reference: order.Number);
    }

    /// <summary>To an administrator: a new order awaits the audit.</summary>
    public Email AdminNotice(Order order, string toAddress, string toName, string culture)
    {
        using var _ = CultureScope.Use(culture);
        var paragraphs = new List<string>
        {
            t["Email_Admin_Body", order.Buyer.FullName, order.Buyer.Country, order.Lines.Count, order.Totals.Total.Format()],
            string.Join("\n", order.Lines.Select(l => $"{l.SerialNumber} · {l.ProductModel} · {l.PlanName}")),
        };
        if (!string.IsNullOrWhiteSpace(order.Remark)) paragraphs.Add(t["Email_Admin_Remark", order.Remark]);
        return composer.Compose("order-audit-needed", toAddress, toName, culture, t["Email_Admin_Subject", order.Number!], paragraphs,
            new EmailAction(t["Email_Admin_Action"], $"{BaseUrl}/admin"), reference: order.Number);
    }

    /// <summary>To an administrator: the buyer cancelled an order.</summary>
    public Email CancelledNotice(Order order, string toAddress, string toName, string culture)
    {
        using var _ = CultureScope.Use(culture);
        return composer.Compose("order-cancelled", toAddress, toName, culture, t["Email_Cancelled_Subject", order.Number!],
            [t["Email_Cancelled_Body", order.Buyer.FullName, order.Number!, order.CloseReason ?? ""]], reference: order.Number);
    }

    /// <summary>To the buyer once the payment is confirmed.</summary>
    public Email PaymentReceived(Order order, string culture)
    {
        using var _ = CultureScope.Use(culture);
        var paragraphs = new List<string>
        {
            t["Email_Greeting", order.Buyer.FullName],
            t["Email_Paid_Body", order.Totals.Total.Format(), order.Number!],
            t["Email_Paid_Next"],
        };
        return composer.Compose("order-paid", order.Buyer.Email, order.Buyer.FullName, culture, t["Email_Paid_Subject", order.Number!],
            paragraphs, new EmailAction(t["Email_ViewOrder"], $"{BaseUrl}/orders/{order.Number}"), reference: order.Number);
    }

    private string TotalsText(OrderTotals totals)
    {
        var lines = new List<string> { t["Email_TotalLine", t["Totals_Subtotal"], totals.Subtotal.Format()] };
        if (totals.ReverseCharge) lines.Add(t["Totals_ReverseCharge"]);
        lines.AddRange(totals.Vat.Select(v => (string)t["Email_TotalLine", t["Totals_Vat", v.RatePercent.ToString("0.##", CultureInfo.CurrentCulture)], v.Vat.Format()]));
        lines.Add(t["Email_TotalLine", t["Totals_Total"], totals.Total.Format()]);
        return string.Join("\n", lines);
    }
}
