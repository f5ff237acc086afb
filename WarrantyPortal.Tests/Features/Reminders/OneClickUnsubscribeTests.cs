using System.Net;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Fulfilment;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Reminders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Reminders;

/// <summary>
/// RFC 8058 on the running portal: a reminder delivered to a real SMTP listener carries List-Unsubscribe and
/// List-Unsubscribe-Post, and the POST a mail provider makes to that link (no cookies, no antiforgery token) unsubscribes.
/// </summary>
public sealed class OneClickUnsubscribeTests : IDisposable
{
    private const string Customer = "customer@demo.warrantyportal.test";
    private readonly PortalApp _app = new PortalApp().Start();
    private readonly HttpClient _http;

    public OneClickUnsubscribeTests() =>
        _http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.BaseUrl) };

    private async Task<(string UserId, MimeKit.MimeMessage Mail, DateOnly Due)> ReminderDeliveredAsync()
    {
        await using var db = _app.CreateDbContext();
        var user = db.Users.Single(u => u.Email == Customer);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var device = new MyDevice("702000000001", "DS3-H", ProductFamily.MicroInverter, today.AddYears(10), false, null, DeviceGroup.Extendable, today.AddDays(20));
        var email = _app.Get<ReminderEmails>().Reminder(user.Id, Customer, user.FullName, "en", [new DueReminder(device, ReminderKind.PurchaseWindow, today.AddDays(20))]);
        _app.Get<EmailOutbox>().Add(db, email);
        await db.SaveChangesAsync();
        var mail = await _app.Smtp.WaitForAsync(m => m.Headers[ReminderHeader] == ReminderEmails.Kind, TimeSpan.FromSeconds(30));
        return (user.Id, mail, today.AddDays(20));
    }

    private const string ReminderHeader = "X-WarrantyPortal-Kind";

    private static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    [Fact]
    public async Task OneClickPost_ToTheListUnsubscribeLinkOfADeliveredReminder_Unsubscribes()
    {
        var (userId, mail, due) = await ReminderDeliveredAsync();
        // English emails write dates day first, as the portal's pages do.
        Assert.Contains(due.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), mail.Subject);

        var header = mail.Headers["List-Unsubscribe"] ?? "";
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Matches("^<https?://[^>]+>$", header);
        var link = header.Trim('<', '>');
        Assert.Equal(PortalApp.LinkIn(mail, ReminderLinks.UnsubscribePath), link);
        Assert.True(await _app.Get<ReminderPreferences>().IsSubscribedAsync(userId));

        using var response = await _http.PostAsync(link, OneClick());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(await _app.Get<ReminderPreferences>().IsSubscribedAsync(userId));
    }

    [Fact]
    public async Task OneClickPost_TamperedTokenOrNoOneClickField_RefusedAndStillSubscribed()
    {
        var (userId, mail, _) = await ReminderDeliveredAsync();
        var link = (mail.Headers["List-Unsubscribe"] ?? "").Trim('<', '>');
        var at = link.IndexOf("t=", StringComparison.Ordinal) + 12;
        var tampered = link[..at] + (link[at] == 'x' ? 'y' : 'x') + link[(at + 1)..];

        using var altered = await _http.PostAsync(tampered, OneClick());
        using var noField = await _http.PostAsync(link, new FormUrlEncodedContent([new("other", "1")]));

        Assert.Equal(HttpStatusCode.BadRequest, altered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noField.StatusCode);
        Assert.True(await _app.Get<ReminderPreferences>().IsSubscribedAsync(userId));
    }

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }
}
