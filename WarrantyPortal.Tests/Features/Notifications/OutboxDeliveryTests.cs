using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Notifications;

public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private readonly ManualClock _clock = new();
    private readonly SmtpListener _smtp = new();
    private readonly MailOptions _mail = new() { RetryBaseSeconds = 10 };

    public Task InitializeAsync() => Task.CompletedTask;

    private void On(string provider) => _db = new TestDatabase(provider);

    private OutboxDeliveryWorker Worker()
    {
        _mail.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = _smtp.Port, Security = "None", TimeoutSeconds = 5 };
        var options = Options.Create(_mail);
        return new OutboxDeliveryWorker(_db, new SmtpMailTransport(options), new OutboxSignal(), options, _clock,
            new WorkerHealth(_clock), NullLogger<OutboxDeliveryWorker>.Instance);
    }

    private async Task<long> QueueAsync(string to = "ana@example.com", string subject = "Your order WE202606150001")
    {
        var composer = new EmailComposer(Options.Create(new PortalOptions()));
        await using var db = _db.CreateDbContext();
        var message = new EmailOutbox(new OutboxSignal(), _clock).Add(db,
            composer.Compose("Test", to, "Ana <b>Bold</b>", "en", subject, ["Line one", "<script>alert(1)</script>"]));
        await db.SaveChangesAsync();
        return message.Id;
    }

    private OutboxMessage Reload(long id)
    {
        using var db = _db.CreateDbContext();
        return db.OutboxMessages.Single(m => m.Id == id);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Deliver_SmtpUp_MessageArrivesOnceAndIsMarkedSent(string provider)
    {
        On(provider);
        _smtp.Start();
        var id = await QueueAsync();

        await Worker().DeliverNextBatchAsync(CancellationToken.None);
        await Worker().DeliverNextBatchAsync(CancellationToken.None);

        var mail = await _smtp.WaitForAsync("ana@example.com", "WE202606150001");
        Assert.Single(_smtp.Messages);
        Assert.Contains("Line one", mail.TextBody);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.Equal(OutboxStatus.Sent, Reload(id).Status);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Deliver_SmtpDownThenUp_MessageKeptWithBackoffThenDelivered(string provider)
    {
        On(provider);
        var id = await QueueAsync();
        var worker = Worker();

        await worker.DeliverNextBatchAsync(CancellationToken.None);
        var failed = Reload(id);
        Assert.Equal(OutboxStatus.Pending, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.NotNull(failed.LastError);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddSeconds(10), failed.NextAttemptAtUtc);

        _smtp.Start();
        Assert.Equal(0, await worker.DeliverNextBatchAsync(CancellationToken.None)); // not due yet: backoff holds
        _clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(1, await worker.DeliverNextBatchAsync(CancellationToken.None));

        await _smtp.WaitForAsync("ana@example.com", "WE202606150001");
        Assert.Equal(OutboxStatus.Sent, Reload(id).Status);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Deliver_TwoWorkersAtOnce_EachMessageSentExactlyOnce(string provider)
    {
        On(provider);
        _smtp.Start();
        for (var i = 0; i < 10; i++) await QueueAsync($"user{i}@example.com");

        await Task.WhenAll(Worker().DeliverNextBatchAsync(CancellationToken.None), Worker().DeliverNextBatchAsync(CancellationToken.None));

        for (var i = 0; i < 10; i++) await _smtp.WaitForAsync($"user{i}@example.com", "WE");
        Assert.Equal(10, _smtp.Messages.Count);
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _db?.Dispose();
    }
}
