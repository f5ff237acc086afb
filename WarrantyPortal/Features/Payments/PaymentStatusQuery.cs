using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;

namespace WarrantyPortal.Features.Payments;

/// <summary>What the customer is told after checkout.</summary>
public enum PaymentOutcome
{
    /// <summary>"Payment received".</summary>
    Received,
    /// <summary>"Payment processing": the method confirms later.</summary>
    Processing,
    /// <summary>Not paid (yet): the checkout is still open, was left, or expired. "Try again".</summary>
    NotCompleted,
    /// <summary>"Payment failed: try again".</summary>
    Failed,
    /// <summary>Something needs a person: the amount reported differs.</summary>
    UnderReview,
    Refunded,
}

public sealed record PaymentStatusView(
    Guid AttemptId,
    string OrderReference,
    string OrderNumber,
    Money Amount,
    PaymentMethodKind Method,
    PaymentOutcome Outcome,
    string? CheckoutUrl,
    string RetryUrl);

/// <summary>The payment's state as the server knows it (webhooks, status checks), never what a return URL claims.</summary>
public sealed class PaymentStatusQuery(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock)
{
    public async Task<PaymentStatusView?> ForAttemptAsync(Guid attemptId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.PaymentAttempts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == attemptId, ct);
        return a is null ? null : View(a);
    }

    /// <summary>The order's most telling attempt: a paid or pending one wins over later abandoned ones.</summary>
    public async Task<PaymentStatusView?> ForOrderAsync(string orderReference, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attempts = await db.PaymentAttempts.AsNoTracking().Where(x => x.OrderReference == orderReference).ToListAsync(ct);
        var best = attempts
            .OrderBy(a => a.Status switch
            {
                PaymentAttemptStatus.Paid => 0,
                PaymentAttemptStatus.Refunded => 1,
                PaymentAttemptStatus.NeedsReview => 2,
                PaymentAttemptStatus.Processing => 3,
                _ => 4,
            })
            .ThenByDescending(a => a.CreatedAtUtc)
            .FirstOrDefault();
        return best is null ? null : View(best);
    }

    private PaymentStatusView View(PaymentAttempt a)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = a.Status switch
        {
            PaymentAttemptStatus.Paid => PaymentOutcome.Received,
            PaymentAttemptStatus.Processing => PaymentOutcome.Processing,
            PaymentAttemptStatus.Failed => PaymentOutcome.Failed,
            PaymentAttemptStatus.NeedsReview => PaymentOutcome.UnderReview,
            PaymentAttemptStatus.Refunded => PaymentOutcome.Refunded,
            _ => PaymentOutcome.NotCompleted,
        };
        var checkout = a.IsOpenAt(now) ? a.RedirectUrl : null;
        return new PaymentStatusView(a.Id, a.OrderReference, a.OrderNumber, a.Amount, a.Method, outcome, checkout, a.CancelUrl);
    }
}
