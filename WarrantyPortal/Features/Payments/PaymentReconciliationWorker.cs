using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WarrantyPortal.Data;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Payments;

/// <summary>
/// Settles checkouts whose webhook never came: asks the provider for each session left open or pending for a while
/// and applies what it says exactly like an event.
/// </summary>
public sealed class PaymentReconciliationWorker(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    IPaymentGateway gateway,
    PaymentEventProcessor processor,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    WorkerHealth health,
    ILogger<PaymentReconciliationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(5, options.Value.ReconcileIntervalSeconds)), clock);
        do
        {
            try
            {
                health.Beat(nameof(PaymentReconciliationWorker));
                await ReconcileAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Payment reconciliation failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Checks the sessions due for a check; returns how many changed.</summary>
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var quietSince = now.AddMinutes(-options.Value.ReconcileAfterMinutes);
        var checkedBefore = now.AddSeconds(-options.Value.ReconcileIntervalSeconds);
        List<PaymentAttempt> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.PaymentAttempts.AsNoTracking()
                .Where(a => (a.Status == PaymentAttemptStatus.Open || a.Status == PaymentAttemptStatus.Processing)
                            && a.Provider == gateway.Name && a.ProviderSessionId != null
                            && a.UpdatedAtUtc <= quietSince
                            && (a.LastCheckedAtUtc == null || a.LastCheckedAtUtc <= checkedBefore))
                .OrderBy(a => a.CreatedAtUtc)
                .Take(50)
                .ToListAsync(ct);
        }
        var changed = 0;
        foreach (var attempt in due)
        {
            // The check is claimed first, so two instances never ask the provider about the same session in one interval.
            if (!await ClaimCheckAsync(attempt.Id, now, checkedBefore, ct)) continue;
            try
            {
                var snapshot = await gateway.GetSessionAsync(attempt, ct);
                if (snapshot is null || snapshot.Status == "open") continue;
                var eventId = $"reconcile:{snapshot.SessionId}:{snapshot.Status}:{snapshot.PaymentStatus}";
                var outcome = await processor.ApplySessionAsync(eventId, "reconciliation", PaymentEventProcessor.SessionEvent.Observed, snapshot, ct);
                if (outcome == EventOutcome.Applied) changed++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not check checkout {Session} of order {Order}", attempt.ProviderSessionId, attempt.OrderNumber);
            }
        }
        return changed;
    }

    /// <summary>Stamps the check time only if no other worker did since <paramref name="checkedBefore"/>: the conditional update is the claim.</summary>
    private async Task<bool> ClaimCheckAsync(Guid attemptId, DateTime now, DateTime checkedBefore, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.PaymentAttempts
            .Where(a => a.Id == attemptId && (a.LastCheckedAtUtc == null || a.LastCheckedAtUtc <= checkedBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastCheckedAtUtc, now), ct);
        return rows == 1;
    }
}
