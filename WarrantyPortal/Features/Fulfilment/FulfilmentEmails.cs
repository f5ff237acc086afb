using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Fulfilment;

/// <summary>The fulfilment feature's emails, each rendered in its recipient's language.</summary>
public sealed class FulfilmentEmails(EmailComposer composer, IStringLocalizer<FulfilmentText> t, IOptions<PortalOptions> portal)
{
    /// <summary>Certificates linked one by one in the email; a larger order links the ZIP alone past this.</summary>
    public const int MaxListed = 20;

    private string BaseUrl => portal.Value.PublicBaseUrl.TrimEnd('/');

    /// <summary>To the buyer when the order is completed: links to each certificate, the ZIP and the invoice.</summary>
    public Email Completed(Order order, IReadOnlyList<CertificateLink> certificates, int count, string culture)
    {
        using var _ = CultureScope.Use(culture);
        var orderUrl = $"{BaseUrl}/orders/{order.Number}";
        var paragraphs = new List<string>
        {
            t["Email_Greeting", order.Buyer.FullName],
            t["Email_Completed_Body", order.Number!, count],
        };
        var listed = certificates.Take(MaxListed)
            .Select(c => $"{c.Number} · {c.SerialNumber}: {orderUrl}/certificates/{c.Number}.pdf").ToList();
        if (count > listed.Count) listed.Add(t["Email_Completed_More", count - listed.Count]);
        paragraphs.Add($"{t["Email_Completed_Certificates"]}\n{string.Join("\n", listed)}");
        paragraphs.Add(t["Email_Completed_Zip", $"{orderUrl}/certificates.zip"]);
        paragraphs.Add(t["Email_Completed_Invoice", $"{orderUrl}/invoice.pdf"]);
        return composer.Compose("order-completed", order.Buyer.Email, order.Buyer.FullName, culture,
            t["Email_Completed_Subject", order.Number!], paragraphs, new EmailAction(t["Email_Completed_Action"], orderUrl), reference: order.Number);
    }
}
