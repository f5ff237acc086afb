using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Payments.TestCheckout;

public sealed record TestCheckoutView(
    Guid AttemptId,
    string OrderNumber,
    string CustomerEmail,
    Money Amount,
    IReadOnlyList<PaymentLine> Lines,
    PaymentMethodKind Method,
    PaymentAttemptStatus Status,
    DateTime ExpiresAtUtc,
    string SuccessUrl,
    string CancelUrl,
    bool AlipayAvailable)
{
    public bool CanPay(DateTime now) => Status == PaymentAttemptStatus.Open && ExpiresAtUtc > now;
}

public enum TestPaymentStatus
{
    Succeeded,
    Invalid,
    Declined,
    RequiresAuthentication,
    NotPayable,
}

/// <summary>The result of a test-mode payment step: where to go next, or what to tell the customer.</summary>
public sealed record TestPaymentResult(TestPaymentStatus Status, string? RedirectUrl = null, string? Message = null, IReadOnlyDictionary<string, string>? FieldErrors = null);

/// <summary>
/// Plays Stripe's part when no Stripe key is configured: checks the test card, asks for authentication when the
/// card wants it, and on success posts a signed checkout.session.completed event to the portal's own webhook
/// endpoint over HTTP, so the payment is settled by exactly the code that settles real Stripe payments.
/// </summary>
public sealed class TestCheckoutService(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    WebhookSecret secret,
    IHttpClientFactory httpClients,
    IServer server,
    PaymentNotifier notifier,
    IStringLocalizer<PaymentsText> text,
    IOptions<PaymentOptions> options,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    ILogger<TestCheckoutService> logger)
{
    public const string HttpClientName = "payments-test-webhook";

    private readonly ConcurrentDictionary<Guid, string> _awaitingAuthentication = new();

    public async Task<TestCheckoutView?> GetAsync(Guid attemptId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var a = await db.PaymentAttempts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == attemptId && x.Provider == TestModeGateway.ProviderName, ct);
        if (a is null) return null;
        var lines = JsonSerializer.Deserialize<List<PaymentLine>>(a.LinesJson, CheckoutService.Json) ?? [];
        return new TestCheckoutView(a.Id, a.OrderNumber, a.CustomerEmail, a.Amount, lines, a.Method, a.Status, a.ExpiresAtUtc,
            a.SuccessUrl, a.CancelUrl, PaymentMethodCatalog.AlipayCurrencies.Contains(a.Currency));
    }

    public async Task<TestPaymentResult> PayWithCardAsync(Guid attemptId, CardDetails card, CancellationToken ct = default)
    {
        var errors = TestCard.Validate(card, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (errors.Count > 0) return new TestPaymentResult(TestPaymentStatus.Invalid, FieldErrors: errors.ToDictionary(e => e.Key, e => text[e.Value].Value));
        if (await PayableAsync(attemptId, ct) is { } refused) return refused;

        switch (TestCard.OutcomeOf(card.Number))
        {
            case TestCardOutcome.Succeeds:
                return await SettleAsync(attemptId, PaymentMethodKind.Card, ct);
            case TestCardOutcome.RequiresAuthentication:
                _awaitingAuthentication[attemptId] = TestCard.Last4(card.Number);
                return new TestPaymentResult(TestPaymentStatus.RequiresAuthentication, $"/checkout/test/{attemptId}/authenticate");
            case TestCardOutcome.InsufficientFunds:
                logger.LogInformation("Test checkout {Attempt}: card declined (insufficient funds)", attemptId);
                return new TestPaymentResult(TestPaymentStatus.Declined, Message: text["Card_DeclinedInsufficientFunds"]);
            case TestCardOutcome.Declined:
                return new TestPaymentResult(TestPaymentStatus.Declined, Message: text["Card_Declined"]);
            default:
                return new TestPaymentResult(TestPaymentStatus.Declined, Message: text["Card_NotATestCard"]);
        }
    }

    /// <summary>The card holder's answer on the authentication step (3-D Secure).</summary>
    public async Task<TestPaymentResult> CompleteAuthenticationAsync(Guid attemptId, bool approved, CancellationToken ct = default)
    {
        if (!_awaitingAuthentication.TryRemove(attemptId, out _))
            return new TestPaymentResult(TestPaymentStatus.NotPayable, $"/checkout/test/{attemptId}", text["Auth_NothingPending"]);
        if (!approved)
            return new TestPaymentResult(TestPaymentStatus.Declined, $"/checkout/test/{attemptId}?declined=authentication", text["Auth_Failed"]);
        return await PayableAsync(attemptId, ct) ?? await SettleAsync(attemptId, PaymentMethodKind.Card, ct);
    }

    public string? AuthenticatingCardLast4(Guid attemptId) => _awaitingAuthentication.GetValueOrDefault(attemptId);

    /// <summary>"Confirm payment" on the phone after scanning the Alipay code.</summary>
    public async Task<TestPaymentResult> ConfirmAlipayAsync(Guid attemptId, CancellationToken ct = default) =>
        await PayableAsync(attemptId, ct) ?? await SettleAsync(attemptId, PaymentMethodKind.Alipay, ct);

    /// <summary>"Cancel" on the phone: the desktop page tells the customer and offers to try again.</summary>
    public Task CancelAlipayAsync(Guid attemptId) => notifier.PublishAsync(attemptId, PaymentSignal.AlipayCancelled);

    private async Task<TestPaymentResult?> PayableAsync(Guid attemptId, CancellationToken ct)
    {
        var view = await GetAsync(attemptId, ct);
        if (view is null) return new TestPaymentResult(TestPaymentStatus.NotPayable, Message: text["Checkout_NotFound"]);
        if (view.Status is PaymentAttemptStatus.Paid or PaymentAttemptStatus.Processing)
            return new TestPaymentResult(TestPaymentStatus.NotPayable, view.SuccessUrl, text["Checkout_AlreadyPaid"]);
        if (!view.CanPay(clock.GetUtcNow().UtcDateTime))
            return new TestPaymentResult(TestPaymentStatus.NotPayable, view.CancelUrl, text["Checkout_Expired"]);
        return null;
    }

    private async Task<TestPaymentResult> SettleAsync(Guid attemptId, PaymentMethodKind method, CancellationToken ct)
    {
        PaymentAttempt attempt;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            attempt = await db.PaymentAttempts.AsNoTracking().SingleAsync(a => a.Id == attemptId, ct);
        }
        var now = clock.GetUtcNow();
        var session = StripeEvents.Session(attempt.ProviderSessionId ?? TestModeGateway.SessionIdFor(attempt.Id), "complete", "paid",
            attempt.AmountMinor, attempt.Currency, "pi_test_" + Guid.NewGuid().ToString("N")[..24], attempt.OrderReference, attempt.Id,
            new DateTimeOffset(attempt.CreatedAtUtc), new DateTimeOffset(attempt.ExpiresAtUtc));
        session["payment_method_types"] = new System.Text.Json.Nodes.JsonArray(method == PaymentMethodKind.Alipay ? "alipay" : "card");
        var payload = StripeEvents.Event(StripeEvents.NewEventId(), "checkout.session.completed", session, now);

        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl())
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Stripe-Signature", StripeEvents.SignatureHeader(secret.Value, payload, now));
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogError("Test checkout {Attempt}: the webhook answered {Status}", attemptId, (int)response.StatusCode);
            return new TestPaymentResult(TestPaymentStatus.Declined, Message: text["Checkout_ProcessingError"]);
        }
        return new TestPaymentResult(TestPaymentStatus.Succeeded, attempt.SuccessUrl);
    }

    private string WebhookUrl()
    {
        var configured = options.Value.TestModeWebhookBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/') + StripeWebhookEndpoint.Path;
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is null) return portal.Value.PublicBaseUrl.TrimEnd('/') + StripeWebhookEndpoint.Path;
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1"));
        return uri.Uri.GetLeftPart(UriPartial.Authority) + StripeWebhookEndpoint.Path;
    }

    public static string FormatCardNumber(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        var sb = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && i % 4 == 0) sb.Append(' ');
            sb.Append(digits[i]);
        }
        return sb.ToString();
    }
}
