using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WarrantyPortal.Data;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Payments;

/// <summary>Where to send the customer: the provider's checkout, or the status page when the order needs no new payment.</summary>
public sealed record CheckoutStart(Guid AttemptId, string RedirectUrl, bool Reused);

/// <summary>The provider could not open a checkout; nothing was charged and the customer can try again.</summary>
public sealed class PaymentUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>Opens checkout sessions for orders. Called when the customer opens the payment page, never at approval.</summary>
public sealed class CheckoutService(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    IPaymentGateway gateway,
    PaymentEventProcessor events,
    PaymentMethodCatalog catalog,
    IOptions<PaymentOptions> options,
    IOptions<PortalOptions> portal,
    TimeProvider clock,
    ILogger<CheckoutService> logger)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Reuses the order's open, unexpired session for the same method and amount; otherwise opens a new one
    /// (with its own idempotency key) and closes the order's other open sessions so only one can be paid.
    /// An order already paid, or whose payment is on its way, goes to its status page instead.
    /// </summary>
    public async Task<CheckoutStart> StartAsync(PaymentRequest request, PaymentMethodKind method, CancellationToken ct = default)
    {
        request.Validate();
        if (method == PaymentMethodKind.WireTransfer)
            throw new ArgumentException("A wire transfer has no checkout: show the bank details (BankTransferInstructions) instead.", nameof(method));
        if (!catalog.Allows(method, request.Currency, request.Country))
            throw new ArgumentException($"{method} is not available for payments in {request.Currency}.", nameof(method));

        var now = clock.GetUtcNow().UtcDateTime;
        var currency = request.Currency.ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attempts = await db.PaymentAttempts.Where(a => a.OrderReference == request.OrderReference).ToListAsync(ct);

        var settled = attempts.FirstOrDefault(a => a.Status is PaymentAttemptStatus.Paid or PaymentAttemptStatus.Processing or PaymentAttemptStatus.NeedsReview);
        if (settled is not null) return new CheckoutStart(settled.Id, ReturnPath(settled.Id), Reused: true);

        // Reused only while it has a reasonable time left: a customer should not land on a page that closes in a minute.
        var reusable = attempts
            .Where(a => a.Method == method && a.AmountMinor == request.Total.Minor && a.Currency == currency && a.Provider == gateway.Name
                        && a.IsOpenAt(now.AddMinutes(10)) && a.RedirectUrl is not null)
            .OrderByDescending(a => a.CreatedAtUtc)
            .FirstOrDefault();
        if (reusable is not null) return new CheckoutStart(reusable.Id, reusable.RedirectUrl!, Reused: true);

        var id = Guid.NewGuid();
        var attempt = new PaymentAttempt
        {
            Id = id,
            OrderReference = request.OrderReference,
            OrderNumber = request.OrderNumber,
            CustomerEmail = request.CustomerEmail.Trim(),
            AmountMinor = request.Total.Minor,
            Currency = currency,
            Method = method,
            Status = PaymentAttemptStatus.Open,
            Provider = gateway.Name,
            IdempotencyKey = $"wp-checkout-{id:N}",
            SuccessUrl = Absolute(request.SuccessUrl ?? ReturnPath(id)),
            CancelUrl = Absolute(request.CancelUrl ?? ReturnPath(id)),
            LinesJson = JsonSerializer.Serialize(request.Lines, Json),
            Country = request.Country?.ToUpperInvariant(),
            Culture = request.Culture,
            SaveCard = request.SaveCard && method == PaymentMethodKind.Card,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            ExpiresAtUtc = now + options.Value.SessionLifetime,
        };
        // Stored before the provider call so the idempotency key survives a crash in between.
        db.PaymentAttempts.Add(attempt);
        await db.SaveChangesAsync(ct);

        GatewaySession session;
        try
        {
            // The customer waits on the pay page meanwhile: past the limit they are told to try again, nothing charged.
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(TimeSpan.FromSeconds(Math.Clamp(options.Value.Stripe.TimeoutSeconds, 1, 80)));
            session = await gateway.CreateSessionAsync(attempt, request, limit.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A timeout surfaces as a cancellation the caller did not ask for: the provider is slow, not the customer gone.
            logger.LogError(ex, "Could not open a {Method} checkout for order {Order}", method, request.OrderNumber);
            attempt.Fail("The payment provider could not open a checkout.", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
            throw new PaymentUnavailableException("The payment service is not reachable right now. Nothing was charged; please try again in a few minutes.", ex);
        }
        attempt.ProviderSessionId = session.SessionId;
        attempt.RedirectUrl = session.RedirectUrl;
        attempt.ExpiresAtUtc = session.ExpiresAtUtc;
        await db.SaveChangesAsync(ct);

        foreach (var older in attempts.Where(a => a.Status == PaymentAttemptStatus.Open && a.ProviderSessionId is not null))
        {
            await CloseAsync(older, ct);
        }
        return new CheckoutStart(id, session.RedirectUrl, Reused: false);
    }

    /// <summary>The portal's own status page for an attempt: the default success and cancel address.</summary>
    public static string ReturnPath(Guid attemptId) => $"/checkout/return/{attemptId}";

    private async Task CloseAsync(PaymentAttempt older, CancellationToken ct)
    {
        try
        {
            var snapshot = older.Provider == gateway.Name ? await gateway.ExpireSessionAsync(older, ct) : null;
            if (snapshot is not null)
            {
                await events.ApplySessionAsync($"replaced:{snapshot.SessionId}", "checkout.session.replaced", PaymentEventProcessor.SessionEvent.Observed, snapshot, ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The old session may have been paid a moment ago; its webhook or the reconciliation settles it.
            logger.LogWarning(ex, "Could not close the earlier checkout {Session} of order {Order}", older.ProviderSessionId, older.OrderNumber);
        }
    }

    private string Absolute(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var abs) && abs.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? url
            : portal.Value.PublicBaseUrl.TrimEnd('/') + "/" + url.TrimStart('/');
}
