using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WarrantyPortal.Features.Fulfilment;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Reminders;

/// <summary>The reminder email, in its recipient's language: the devices, the "extend" link and the unsubscribe link.</summary>
public sealed class ReminderEmails(EmailComposer composer, ReminderLinks links, IStringLocalizer<ReminderText> t, IOptions<PortalOptions> portal)
{
    public const string Kind = "device-reminder";

    private string BaseUrl => portal.Value.PublicBaseUrl.TrimEnd('/');

    public Email Reminder(string userId, string email, string name, string culture, IReadOnlyList<DueReminder> due)
    {
        using var _ = CultureScope.Use(culture);
        var paragraphs = new List<string> { t["Email_Greeting", name] };

        var closing = due.Where(d => d.Kind == ReminderKind.PurchaseWindow).OrderBy(d => d.DueDate).ToList();
        if (closing.Count > 0)
        {
            paragraphs.Add(t["Email_WindowIntro"] + "\n" + string.Join("\n", closing.Select(d =>
                "• " + t["Email_WindowLine", d.Device.Model, d.Device.SerialNumber, d.DueDate.ToString("d")] + "\n  " + Extend([d.Device.SerialNumber]))));
        }
        var ending = due.Where(d => d.Kind == ReminderKind.WarrantyEnd).OrderBy(d => d.DueDate).ToList();
        if (ending.Count > 0)
        {
            paragraphs.Add(t["Email_EndIntro"] + "\n" + string.Join("\n", ending.Select(d =>
                "• " + t["Email_EndLine", d.Device.Model, d.Device.SerialNumber, d.DueDate.ToString("d")]
                + (d.Device.ExtendUntil is not null ? "\n  " + Extend([d.Device.SerialNumber]) : ""))));
        }

        var extendable = due.Where(d => d.Device.ExtendUntil is not null).Select(d => d.Device.SerialNumber).Distinct().ToList();
        var action = extendable.Count > 0
            ? new EmailAction(t[extendable.Count == 1 ? "Email_ExtendOne" : "Email_ExtendAll"], Extend(extendable))
            : new EmailAction(t["Email_SeeDevices"], $"{BaseUrl}/devices");
        paragraphs.Add(t["Email_Why"]);
        var unsubscribe = links.UnsubscribeUrl(userId);
        paragraphs.Add(t["Email_Unsubscribe", unsubscribe]);

        var first = due.Min(d => d.DueDate);
        var subject = closing.Count > 0 ? t["Email_Subject_Window", first.ToString("d")] : t["Email_Subject_End", first.ToString("d")];
        // RFC 8058: mail providers offer their own "unsubscribe" button and POST to the same signed link.
        return composer.Compose(Kind, email, name, culture, subject, paragraphs, action) with
        {
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{unsubscribe}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        };
    }

    private string Extend(IEnumerable<string> serialNumbers) => BaseUrl + MyDevicesQuery.ExtendUrl(serialNumbers);
}
