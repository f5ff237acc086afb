using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;

namespace WarrantyPortal.Features.Payments;

public enum EventOutcome
{
    Applied,
    NoChange,
    Duplicate,
    UnknownSession,
}

/// <summary>
/// Applies what a provider reports (a webhook or a status check) to the payment attempt, once per event id,
/// and tells the settlement (the orders side) about each change before the event is recorded as handled:
/// a failure anywhere leaves the event unrecorded, so the provider's retry runs it again.
/// </summary>
public sealed class PaymentEventProcessor(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    IServiceScopeFactory scopes,
    PaymentNotifier notifier,
    TimeProvider clock,
    ILogger<PaymentEventProcessor> logger)
{
    public enum SessionEvent
    {
        Completed,
        AsyncSucceeded,
        AsyncFailed,
        Expired,
        /// <summary>A status check: the snapshot's status and payment_status decide.</summary>
        Observed,
    }

    public async Task<EventOutcome> ApplySessionAsync(string eventId, string eventType, SessionEvent kind, CheckoutSessionSnapshot session, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.PaymentEvents.AnyAsync(e => e.EventId == eventId, ct)) return EventOutcome.Duplicate;
        var attempt = await db.PaymentAttempts.SingleOrDefaultAsync(a => a.ProviderSessionId == session.SessionId, ct);
        if (attempt is null)
        {
            logger.LogWarning("Payment event {EventId} ({Type}) for unknown session {Session}", eventId, eventType, session.SessionId);
            return await RecordAsync(db, eventId, eventType, null, EventOutcome.UnknownSession, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var amount = session.AmountTotal ?? attempt.AmountMinor;
        var currency = session.Currency ?? attempt.Currency;
        var change = kind switch
        {
            SessionEvent.Completed or SessionEvent.Observed when session.Status == "complete" && session.PaymentStatus is "paid" or "no_payment_required"
                => attempt.Succeed(amount, currency, session.PaymentIntentId, now),
            SessionEvent.Completed or SessionEvent.Observed when session.Status == "complete"
                => attempt.StartProcessing(amount, currency, session.PaymentIntentId, now),
            SessionEvent.Observed when session.Status == "expired" => attempt.Expire(now),
            SessionEvent.AsyncSucceeded => attempt.Succeed(amount, currency, session.PaymentIntentId, now),
            SessionEvent.AsyncFailed => attempt.Fail("The bank transfer or delayed payment failed.", now),
            SessionEvent.Expired => attempt.Expire(now),
            _ => AttemptChange.None,
        };
        if (kind == SessionEvent.Observed) attempt.LastCheckedAtUtc = now;
        return await SettleAndRecordAsync(db, attempt, change, eventId, eventType, ct);
    }

    public async Task<EventOutcome> ApplyRefundAsync(string eventId, string eventType, string paymentIntentId, long totalRefundedMinor, bool fully, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.PaymentEvents.AnyAsync(e => e.EventId == eventId, ct)) return EventOutcome.Duplicate;
        var attempt = await db.PaymentAttempts.FirstOrDefaultAsync(a => a.PaymentIntentId == paymentIntentId, ct);
        if (attempt is null)
        {
            logger.LogWarning("Refund event {EventId} for unknown payment {PaymentIntent}", eventId, paymentIntentId);
            return await RecordAsync(db, eventId, eventType, null, EventOutcome.UnknownSession, ct);
        }
        var change = attempt.Refund(totalRefundedMinor, fully, clock.GetUtcNow().UtcDateTime);
        return await SettleAndRecordAsync(db, attempt, change, eventId, eventType, ct);
    }

    private async Task<EventOutcome> SettleAndRecordAsync(ApplicationDbContext db, PaymentAttempt attempt, AttemptChange change, string eventId, string eventType, CancellationToken ct)
    {
        if (change != AttemptChange.None)
        {
            await SettleAsync(attempt, change, eventId, ct);
            logger.LogInformation("Payment attempt {Attempt} for order {Order}: {Change} ({EventType} {EventId})", attempt.Id, attempt.OrderNumber, change, eventType, eventId);
        }
        var outcome = await RecordAsync(db, eventId, eventType, attempt.Id, change == AttemptChange.None ? EventOutcome.NoChange : EventOutcome.Applied, ct);
        if (outcome == EventOutcome.Applied) await notifier.PublishAsync(attempt.Id, PaymentSignal.Changed);
        return outcome;
    }

    private async Task SettleAsync(PaymentAttempt a, AttemptChange change, string eventId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reference = a.PaymentIntentId ?? a.ProviderSessionId ?? a.Id.ToString();
        foreach (var settlement in scope.ServiceProvider.GetServices<IPaymentSettlement>())
        {
            await (change switch
            {
                AttemptChange.Paid => settlement.PaymentSucceededAsync(a.OrderReference, new Money(a.ReceivedMinor ?? a.AmountMinor, a.Currency), a.Method, reference, eventId, ct),
                AttemptChange.Processing => settlement.PaymentProcessingAsync(a.OrderReference, a.Method, reference, eventId, ct),
                AttemptChange.Failed => settlement.PaymentFailedAsync(a.OrderReference, a.Method, a.Problem ?? "", reference, eventId, ct),
                AttemptChange.Expired => settlement.CheckoutExpiredAsync(a.OrderReference, reference, eventId, ct),
                AttemptChange.Refunded => settlement.RefundedAsync(a.OrderReference, new Money(a.RefundedMinor, a.Currency), a.Status == PaymentAttemptStatus.Refunded, reference, eventId, ct),
                AttemptChange.Flagged => settlement.PaymentNeedsReviewAsync(a.OrderReference, a.Amount, new Money(a.ReceivedMinor ?? 0, a.ReceivedCurrency ?? a.Currency), reference, eventId, ct),
                _ => Task.CompletedTask,
            });
        }
    }

    private async Task<EventOutcome> RecordAsync(ApplicationDbContext db, string eventId, string eventType, Guid? attemptId, EventOutcome outcome, CancellationToken ct)
    {
        db.PaymentEvents.Add(new PaymentEventRecord
        {
            EventId = eventId,
            Type = eventType,
            AttemptId = attemptId,
            Outcome = outcome.ToString(),
            ReceivedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return outcome;
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // The same event handled at the same moment by another delivery: that one counts.
            if (await IsRecordedAsync(eventId, ct)) return EventOutcome.Duplicate;
            throw;
        }
    }

    private async Task<bool> IsRecordedAsync(string eventId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PaymentEvents.AnyAsync(e => e.EventId == eventId, ct);
    }
}
