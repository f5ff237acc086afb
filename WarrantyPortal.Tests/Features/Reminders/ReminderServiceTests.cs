using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Fulfilment;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Reminders;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.Features.Fulfilment;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Reminders;

/// <summary>
/// The daily reminder job on a real database with a hand-moved clock. Alice's devices are micro inverters commissioned on
/// 2025-03-01: an extension can be bought until 2027-03-01, the base cover ends on 2037-02-28.
/// </summary>
public sealed class ReminderServiceTests : IDisposable
{
    private static readonly DateOnly WindowCloses = new(2027, 3, 1);
    private static readonly DateOnly CoverEnds = new(2037, 2, 28);
    private FulfilmentHarness _h = new();
    private readonly IOptions<PortalOptions> _portal = Options.Create(new PortalOptions { PublicBaseUrl = "https://portal.example.test" });
    private readonly EphemeralDataProtectionProvider _protection = new();

    private ReminderLinks Links => new(_protection, _portal);

    private ReminderPreferences Preferences => new(_h.Db, Links, _h.Clock);

    private ReminderService NewService(ReminderOptions? options = null) => new(_h.Db, new MyDevicesQuery(_h.Db, _h.Registry, _h.Clock),
        new ReminderEmails(new EmailComposer(_portal), Links, TestLocalizer.For<ReminderText>(), _portal),
        new EmailOutbox(new OutboxSignal(), _h.Clock), Options.Create(options ?? new ReminderOptions()), _h.Clock, NullLogger<ReminderService>.Instance);

    private void On(string provider)
    {
        _h.Dispose();
        _h = new FulfilmentHarness(provider);
    }

    private void Today(DateOnly day) => _h.Clock.Set(new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));

    /// <summary>A device Alice ordered cover for and then cancelled: it can still be extended.</summary>
    private async Task<string> ExtendableDeviceAsync()
    {
        var order = await _h.ApprovedOrderAsync(1);
        await using var db = _h.Db.CreateDbContext();
        var tracked = await db.Orders.SingleAsync(o => o.Id == order.Id);
        tracked.Cancel(OrderActor.System, _h.Clock.GetUtcNow().UtcDateTime, "Changed my mind");
        await db.SaveChangesAsync();
        return order.Lines[0].SerialNumber;
    }

    private List<OutboxMessage> Outbox()
    {
        using var db = _h.Db.CreateDbContext();
        return db.OutboxMessages.Where(m => m.Kind == ReminderEmails.Kind).OrderBy(m => m.Id).ToList();
    }

    [Fact]
    public async Task RunOnceAsync_WindowClosesWithinTheLead_OwnerGetsOneEmailInTheirLanguageWithExtendAndUnsubscribeLinks()
    {
        var serial = await ExtendableDeviceAsync();
        Today(WindowCloses.AddDays(-20));

        var sent = await NewService().RunOnceAsync();

        Assert.Equal(1, sent);
        var mail = Assert.Single(Outbox());
        Assert.Equal(("alice@example.test", "fr"), (mail.ToAddress, mail.Culture));
        Assert.Contains("Prolongez", mail.Subject);
        Assert.Contains($"{serial} : à prolonger avant le 01/03/2027", mail.TextBody);
        Assert.Contains($"https://portal.example.test/buy?sn={serial}", mail.TextBody);
        Assert.Contains("https://portal.example.test/reminders/unsubscribe?t=", mail.TextBody);
        await using var db = _h.Db.CreateDbContext();
        var recorded = Assert.Single(db.DeviceReminders);
        Assert.Equal((FulfilmentHarness.Alice, serial, ReminderKind.PurchaseWindow, WindowCloses, mail.Id),
            (recorded.UserId, recorded.SerialNumber, recorded.Kind, recorded.DueDate, recorded.OutboxMessageId));
    }

    [Fact]
    public async Task RunOnceAsync_EveryDayUntilTheWindowCloses_TheReminderGoesOnce()
    {
        await ExtendableDeviceAsync();
        Today(WindowCloses.AddDays(-30));
        var service = NewService();

        Assert.Equal(1, await service.RunOnceAsync());
        Assert.Null(await service.RunOnceAsync());
        for (var day = 1; day <= 30; day += 7)
        {
            _h.Clock.Advance(TimeSpan.FromDays(7));
            Assert.Equal(0, await NewService().RunOnceAsync());
        }

        Assert.Single(Outbox());
    }

    [Fact]
    public async Task RunOnceAsync_WindowFarAway_NothingSent()
    {
        await ExtendableDeviceAsync();
        Today(WindowCloses.AddDays(-31));

        Assert.Equal(0, await NewService().RunOnceAsync());
        Assert.Empty(Outbox());
    }

    [Fact]
    public async Task RunOnceAsync_CoverEndsWithinTheLead_ReminderOnceWithoutAnExtendLinkOnceTooLate()
    {
        await _h.PaidOrderAsync(1);
        Today(CoverEnds.AddDays(-45));

        Assert.Equal(1, await NewService().RunOnceAsync());
        _h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await NewService().RunOnceAsync());

        var mail = Assert.Single(Outbox());
        Assert.Contains("28/02/2037", mail.Subject);
        Assert.DoesNotContain("/buy?", mail.TextBody);
        Assert.Contains("https://portal.example.test/devices", mail.TextBody);
    }

    [Fact]
    public async Task RunOnceAsync_ConfiguredLead_Followed()
    {
        await ExtendableDeviceAsync();
        Today(WindowCloses.AddDays(-40));

        Assert.Equal(1, await NewService(new ReminderOptions { PurchaseWindowLeadDays = 45 }).RunOnceAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task RunOnceAsync_TwoInstancesAtOnce_EachEmailSentOnce(string provider)
    {
        On(provider);
        await ExtendableDeviceAsync();
        Today(WindowCloses.AddDays(-10));

        var results = await Task.WhenAll(NewService().RunOnceAsync(), NewService().RunOnceAsync());

        Assert.Single(Outbox());
        Assert.Contains(1, results.Cast<int?>());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task RunOnceAsync_RunLeftUnfinishedAndTakenOver_RemindersAlreadySentNotSentAgain(string provider)
    {
        On(provider);
        await ExtendableDeviceAsync();
        Today(WindowCloses.AddDays(-10));
        await NewService().RunOnceAsync();
        await using (var db = _h.Db.CreateDbContext())
        {
            // As if the instance died before marking the day done: its lease runs out and another takes over.
            var past = _h.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
            await db.ReminderRuns.ExecuteUpdateAsync(s => s.SetProperty(r => r.CompletedAtUtc, (DateTime?)null).SetProperty(r => r.ClaimedUntilUtc, past));
        }

        Assert.Equal(0, await NewService().RunOnceAsync());
        Assert.Single(Outbox());
    }

    [Fact]
    public async Task RunOnceAsync_OwnerUnsubscribed_NoEmailUntilTheyResubscribe()
    {
        await ExtendableDeviceAsync();
        await Preferences.SetAsync(FulfilmentHarness.Alice, subscribed: false);
        Today(WindowCloses.AddDays(-20));

        Assert.Equal(0, await NewService().RunOnceAsync());

        await Preferences.SetAsync(FulfilmentHarness.Alice, subscribed: true);
        _h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await NewService().RunOnceAsync());
    }

    [Fact]
    public async Task RunOnceAsync_Disabled_NothingRuns()
    {
        await ExtendableDeviceAsync();
        Today(WindowCloses.AddDays(-20));

        Assert.Null(await NewService(new ReminderOptions { Enabled = false }).RunOnceAsync());
        Assert.Empty(Outbox());
    }

    [Fact]
    public async Task UnsubscribeLink_DeliveredOverSmtp_UnsubscribesWithoutSignInAndATamperedOneIsRefused()
    {
        await ExtendableDeviceAsync();
        Today(WindowCloses.AddDays(-20));
        await NewService().RunOnceAsync();
        await using var smtp = SmtpListener.StartNew();
        var mailOptions = Options.Create(new MailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None", TimeoutSeconds = 30 } });
        await new OutboxDeliveryWorker(_h.Db, new SmtpMailTransport(mailOptions), new OutboxSignal(), mailOptions, _h.Clock,
            new WorkerHealth(_h.Clock), NullLogger<OutboxDeliveryWorker>.Instance).DeliverNextBatchAsync(CancellationToken.None);

        var mail = await smtp.WaitForAsync("alice@example.test", "Prolongez");
        var link = new Uri(PortalApp.LinkIn(mail, "/reminders/unsubscribe"));
        var token = Uri.UnescapeDataString(Regex.Match(link.Query, "t=([^&]+)").Groups[1].Value);
        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];

        Assert.Null(await Preferences.ApplyLinkAsync(tampered, subscribed: false));
        Assert.Null(await Preferences.ApplyLinkAsync("", subscribed: false));
        Assert.True(await Preferences.IsSubscribedAsync(FulfilmentHarness.Alice));

        Assert.Equal("alice@example.test", await Preferences.ApplyLinkAsync(token, subscribed: false));
        Assert.False(await Preferences.IsSubscribedAsync(FulfilmentHarness.Alice));
        Assert.True(await Preferences.IsSubscribedAsync(FulfilmentHarness.Bob));
    }

    [Fact]
    public void Due_DeviceBothClosingAndEnding_BothRemindersWithTheirDates()
    {
        var today = new DateOnly(2027, 2, 1);
        var device = new MyDevice("702000000001", "DS3-H", WarrantyPortal.Domain.Registry.ProductFamily.MicroInverter, today.AddDays(50),
            false, null, DeviceGroup.Extendable, today.AddDays(10));

        var due = ReminderService.Due([device], today, new ReminderOptions());

        Assert.Equal([(ReminderKind.PurchaseWindow, today.AddDays(10)), (ReminderKind.WarrantyEnd, today.AddDays(50))],
            due.Select(d => (d.Kind, d.DueDate)).ToList());
    }

    public void Dispose() => _h.Dispose();
}
