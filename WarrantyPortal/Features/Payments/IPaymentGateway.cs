namespace WarrantyPortal.Features.Payments;

/// <summary>A checkout session as the provider sees it (Stripe's field values: status open|complete|expired, payment_status paid|unpaid).</summary>
public sealed record CheckoutSessionSnapshot(
    string SessionId,
    string Status,
    string PaymentStatus,
    long? AmountTotal,
    string? Currency,
    string? PaymentIntentId);

/// <summary>A session just created: where to send the customer and until when it is valid.</summary>
public sealed record GatewaySession(string SessionId, string RedirectUrl, DateTime ExpiresAtUtc);

/// <summary>The payment provider: Stripe Checkout, or the built-in test mode when no Stripe key is configured.</summary>
public interface IPaymentGateway
{
    /// <summary>"stripe" or "test"; stored on each attempt.</summary>
    string Name { get; }

    Task<GatewaySession> CreateSessionAsync(PaymentAttempt attempt, PaymentRequest request, CancellationToken ct);

    /// <summary>The session's current state, or null when the provider has nothing newer than what is stored.</summary>
    Task<CheckoutSessionSnapshot?> GetSessionAsync(PaymentAttempt attempt, CancellationToken ct);

    /// <summary>Closes an open session so it can no longer be paid; returns its state afterwards.</summary>
    Task<CheckoutSessionSnapshot?> ExpireSessionAsync(PaymentAttempt attempt, CancellationToken ct);
}
