namespace WarrantyPortal.Features.Payments;

/// <summary>
/// The built-in checkout used when no Stripe key is configured: the "session" is the attempt itself and the
/// customer is sent to the portal's own test-mode checkout page.
/// </summary>
public sealed class TestModeGateway(TimeProvider clock) : IPaymentGateway
{
    public const string ProviderName = "test";

    public string Name => ProviderName;

    public Task<GatewaySession> CreateSessionAsync(PaymentAttempt attempt, PaymentRequest request, CancellationToken ct)
    {
        var url = $"/checkout/test/{attempt.Id}" + (attempt.Method == PaymentMethodKind.Alipay ? "?method=alipay" : "");
        return Task.FromResult(new GatewaySession(SessionIdFor(attempt.Id), url, attempt.ExpiresAtUtc));
    }

    /// <summary>Nothing to ask a remote provider; an open session past its expiry has expired.</summary>
    public Task<CheckoutSessionSnapshot?> GetSessionAsync(PaymentAttempt attempt, CancellationToken ct) =>
        Task.FromResult(attempt.Status == PaymentAttemptStatus.Open && attempt.ExpiresAtUtc <= clock.GetUtcNow().UtcDateTime
            ? Expired(attempt)
            : null);

    public Task<CheckoutSessionSnapshot?> ExpireSessionAsync(PaymentAttempt attempt, CancellationToken ct) =>
        Task.FromResult(attempt.Status == PaymentAttemptStatus.Open ? Expired(attempt) : null);

    public static string SessionIdFor(Guid attemptId) => "cs_test_" + attemptId.ToString("N");

    private static CheckoutSessionSnapshot? Expired(PaymentAttempt a) =>
        new(a.ProviderSessionId ?? SessionIdFor(a.Id), "expired", "unpaid", a.AmountMinor, a.Currency.ToLowerInvariant(), null);
}
