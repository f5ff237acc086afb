using WarrantyPortal.Domain;

namespace WarrantyPortal.Features.Payments;

public enum PaymentAttemptStatus
{
    /// <summary>Session created, the customer has not paid yet.</summary>
    Open,
    /// <summary>Checkout finished, the money confirms later (bank transfer).</summary>
    Processing,
    Paid,
    Failed,
    Expired,
    Refunded,
    /// <summary>The provider reported a different amount or currency: held for an admin.</summary>
    NeedsReview,
}

/// <summary>What a provider event or status check changed on an attempt.</summary>
public enum AttemptChange
{
    None,
    Paid,
    Processing,
    Failed,
    Expired,
    Refunded,
    Flagged,
}

/// <summary>
/// One checkout session opened for an order. Its status moves forward only: money received is never
/// undone by a late "expired" or "failed" event, whatever order the provider delivers them in.
/// </summary>
public sealed class PaymentAttempt
{
    public Guid Id { get; set; }
    public string OrderReference { get; set; } = "";
    public string OrderNumber { get; set; } = "";
    public string CustomerEmail { get; set; } = "";
    public long AmountMinor { get; set; }
    public string Currency { get; set; } = "";
    public PaymentMethodKind Method { get; set; }
    public PaymentAttemptStatus Status { get; set; }
    /// <summary>"stripe" or "test".</summary>
    public string Provider { get; set; } = "";
    public string? ProviderSessionId { get; set; }
    public string? PaymentIntentId { get; set; }
    public string? RedirectUrl { get; set; }
    public string SuccessUrl { get; set; } = "";
    public string CancelUrl { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    /// <summary>The order's lines as shown at checkout (JSON array of <see cref="PaymentLine"/>).</summary>
    public string LinesJson { get; set; } = "[]";
    public string? Country { get; set; }
    public string Culture { get; set; } = "en";
    public bool SaveCard { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? PaidAtUtc { get; set; }
    public DateTime? LastCheckedAtUtc { get; set; }
    public long? ReceivedMinor { get; set; }
    public string? ReceivedCurrency { get; set; }
    public long RefundedMinor { get; set; }
    public string? Problem { get; set; }
    public int Version { get; set; }

    public Money Amount => new(AmountMinor, Currency);

    public bool IsOpenAt(DateTime now) => Status == PaymentAttemptStatus.Open && ProviderSessionId is not null && ExpiresAtUtc > now;

    /// <summary>The provider says the money is in. Accepted only when amount and currency match the checkout.</summary>
    public AttemptChange Succeed(long amountMinor, string currency, string? paymentIntentId, DateTime now)
    {
        if (Status is PaymentAttemptStatus.Paid or PaymentAttemptStatus.Refunded or PaymentAttemptStatus.NeedsReview) return AttemptChange.None;
        PaymentIntentId ??= paymentIntentId;
        ReceivedMinor = amountMinor;
        ReceivedCurrency = currency.ToUpperInvariant();
        if (amountMinor != AmountMinor || !string.Equals(currency, Currency, StringComparison.OrdinalIgnoreCase))
        {
            Problem = $"Provider reported {new Money(amountMinor, ReceivedCurrency)} for a checkout of {Amount}.";
            return Move(PaymentAttemptStatus.NeedsReview, now, AttemptChange.Flagged);
        }
        Problem = null;
        PaidAtUtc = now;
        return Move(PaymentAttemptStatus.Paid, now, AttemptChange.Paid);
    }

    /// <summary>Checkout finished, the money comes later.</summary>
    public AttemptChange StartProcessing(long amountMinor, string currency, string? paymentIntentId, DateTime now)
    {
        if (Status != PaymentAttemptStatus.Open) return AttemptChange.None;
        PaymentIntentId ??= paymentIntentId;
        if (amountMinor != AmountMinor || !string.Equals(currency, Currency, StringComparison.OrdinalIgnoreCase))
        {
            ReceivedMinor = amountMinor;
            ReceivedCurrency = currency.ToUpperInvariant();
            Problem = $"Provider reported {new Money(amountMinor, ReceivedCurrency)} for a checkout of {Amount}.";
            return Move(PaymentAttemptStatus.NeedsReview, now, AttemptChange.Flagged);
        }
        return Move(PaymentAttemptStatus.Processing, now, AttemptChange.Processing);
    }

    public AttemptChange Fail(string reason, DateTime now)
    {
        if (Status is not (PaymentAttemptStatus.Open or PaymentAttemptStatus.Processing)) return AttemptChange.None;
        Problem = reason;
        return Move(PaymentAttemptStatus.Failed, now, AttemptChange.Failed);
    }

    public AttemptChange Expire(DateTime now)
    {
        if (Status != PaymentAttemptStatus.Open) return AttemptChange.None;
        return Move(PaymentAttemptStatus.Expired, now, AttemptChange.Expired);
    }

    /// <summary>Refund totals only grow, so a late event carrying an older total changes nothing.</summary>
    public AttemptChange Refund(long totalRefundedMinor, bool fully, DateTime now)
    {
        if (Status is not (PaymentAttemptStatus.Paid or PaymentAttemptStatus.Refunded)) return AttemptChange.None;
        if (totalRefundedMinor <= RefundedMinor && !(fully && Status == PaymentAttemptStatus.Paid)) return AttemptChange.None;
        RefundedMinor = Math.Max(RefundedMinor, totalRefundedMinor);
        return Move(fully ? PaymentAttemptStatus.Refunded : Status, now, AttemptChange.Refunded);
    }

    private AttemptChange Move(PaymentAttemptStatus to, DateTime now, AttemptChange change)
    {
        Status = to;
        UpdatedAtUtc = now;
        Version++;
        return change;
    }
}

/// <summary>A provider event already handled: the same event delivered again changes nothing.</summary>
public sealed class PaymentEventRecord
{
    public string EventId { get; set; } = "";
    public string Type { get; set; } = "";
    public Guid? AttemptId { get; set; }
    public string Outcome { get; set; } = "";
    public DateTime ReceivedAtUtc { get; set; }
}
