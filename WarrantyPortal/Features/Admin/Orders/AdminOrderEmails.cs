using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Admin.Orders;

/// <summary>What the buyer is told after an administrator acts on their order, in the buyer's language.</summary>
public sealed class AdminOrderEmails(EmailComposer composer, IStringLocalizer<AdminText> t, IOptions<PortalOptions> portal)
{
    private string OrderUrl(Order o) => $"{portal.Value.PublicBaseUrl.TrimEnd('/')}/orders/{o.Number}";

    /// <summary>The approval, with the payment link (<paramref name="payUrl"/>, see <see cref="OrderPaymentLinks"/>) as its button.</summary>
    public Email Approved(Order o, string culture, bool settled, string payUrl)
    {
        using var _ = CultureScope.Use(culture);
        var paragraphs = new List<string>
        {
            t["Email_Greeting", o.Buyer.FullName],
            t["Email_Approved_Body", o.Number!],
            t["Email_Approved_Amount", o.Totals.Total.Format()],
        };
        if (settled) paragraphs.Add(t["Email_Approved_Settled"]);
        paragraphs.Add(t["Email_Approved_Next"]);
        return composer.Compose("order-approved", o.Buyer.Email, o.Buyer.FullName, culture, t["Email_Approved_Subject", o.Number!], paragraphs,
            new EmailAction(t["Email_Approved_Pay"], payUrl), reference: o.Number);
    }

    /// <summary>The absolute address of a payment link, on Portal:PublicBaseUrl.</summary>
    public string PayUrl(string token) => $"{portal.Value.PublicBaseUrl.TrimEnd('/')}/{OrderPaymentLinks.PathOf(token)}";

    public Email Rejected(Order o, string culture, string reason)
    {
        using var _ = CultureScope.Use(culture);
        return Compose("order-rejected", o, culture, t["Email_Rejected_Subject", o.Number!],
            [t["Email_Greeting", o.Buyer.FullName], t["Email_Rejected_Body", o.Number!], reason.Trim(), t["Email_Rejected_Next"]]);
    }

    public Email Cancelled(Order o, string culture, string reason)
    {
        using var _ = CultureScope.Use(culture);
        return Compose("order-cancelled-by-admin", o, culture, t["Email_Cancelled_Subject", o.Number!],
            [t["Email_Greeting", o.Buyer.FullName], t["Email_Cancelled_Body", o.Number!], reason.Trim(), t["Email_Rejected_Next"]]);
    }

    public Email TransferReceived(Order o, string culture)
    {
        using var _ = CultureScope.Use(culture);
        return Compose("order-paid-transfer", o, culture, t["Email_Paid_Subject", o.Number!],
            [t["Email_Greeting", o.Buyer.FullName], t["Email_Paid_Body", o.Number!, o.Totals.Total.Format()]]);
    }

    private Email Compose(string kind, Order o, string culture, string subject, List<string> paragraphs) =>
        composer.Compose(kind, o.Buyer.Email, o.Buyer.FullName, culture, subject, paragraphs,
            new EmailAction(t["Email_ViewOrder"], OrderUrl(o)), reference: o.Number);
}
