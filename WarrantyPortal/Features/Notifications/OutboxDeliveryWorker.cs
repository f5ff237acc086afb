using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using WarrantyPortal.Data;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Notifications;

/// <summary>
/// Delivers queued messages with retries and exponential backoff. A message is claimed before it is
/// sent so that two workers (or two instances) never send it twice.
/// </summary>
public sealed class OutboxDeliveryWorker(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    IMailTransport transport,
    OutboxSignal signal,
    IOptions<MailOptions> options,
    TimeProvider clock,
    WorkerHealth health,
    ILogger<OutboxDeliveryWorker> logger) : SignalledWorker(signal, health, logger)
{
    private readonly string _workerId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override TimeSpan PollEvery => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override string Work => "Outbox delivery loop";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Logger.LogInformation("Mail delivery through {Transport}", transport.Name);
        return base.ExecuteAsync(stoppingToken);
    }

    protected override async Task RunPassAsync(CancellationToken ct)
    {
        while (await DeliverNextBatchAsync(ct) > 0) { }
    }

    /// <summary>Sends what is due now; returns how many messages were attempted.</summary>
    public async Task<int> DeliverNextBatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await ClaimAsync(now, ct);
        foreach (var id in ids)
        {
            await DeliverOneAsync(id, ct);
        }
        return ids.Count;
    }

    private async Task<List<long>> ClaimAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var due = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now
                        && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(20)
            .ToListAsync(ct);
        var claimed = new List<long>();
        var until = now.AddSeconds(Math.Max(options.Value.ClaimSeconds, options.Value.Smtp.TimeoutSeconds + 5));
        foreach (var id in due)
        {
            // A conditional update is the claim: only one worker sees one row affected.
            var rows = await db.OutboxMessages
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, _workerId).SetProperty(m => m.ClaimedUntilUtc, until), ct);
            if (rows == 1) claimed.Add(id);
        }
        return claimed;
    }

    private async Task DeliverOneAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Still ours? A worker that paused past its lease may find the message taken over (and sent) by another instance.
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id && m.ClaimedBy == _workerId && m.Status == OutboxStatus.Pending, ct);
        if (message is null) return;
        var o = options.Value;
        try
        {
            await transport.SendAsync(ToMime(message, o), ct);
            message.Status = OutboxStatus.Sent;
            message.SentAtUtc = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
            Logger.LogInformation("Sent {Kind} email {Id} to {To}", message.Kind, message.Id, message.ToAddress);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            message.Attempts++;
            message.LastError = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
            var delay = TimeSpan.FromSeconds(Math.Min(3600, o.RetryBaseSeconds * Math.Pow(2, Math.Min(message.Attempts - 1, 12))));
            message.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime + delay;
            if (message.Attempts >= o.MaxAttempts) message.Status = OutboxStatus.Failed;
            Logger.LogWarning("Email {Id} attempt {Attempt} failed: {Error}; next try in {Delay}", message.Id, message.Attempts, message.LastError, delay);
        }
        message.ClaimedBy = null;
        message.ClaimedUntilUtc = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    internal static MimeMessage ToMime(OutboxMessage m, MailOptions o)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        mime.To.Add(new MailboxAddress(m.ToName, m.ToAddress));
        mime.Subject = m.Subject;
        mime.MessageId = $"outbox-{m.Id}-{m.CreatedAtUtc.Ticks}@warrantyportal";
        mime.Headers.Add("X-WarrantyPortal-Kind", m.Kind);
        foreach (var (name, value) in m.Headers ?? []) mime.Headers.Add(name, value);
        var body = new BodyBuilder { HtmlBody = m.HtmlBody, TextBody = m.TextBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
