using Stripe;
using Stripe.Checkout;

namespace WarrantyPortal.Features.Payments;

/// <summary>POST /webhooks/stripe: the only endpoint without antiforgery; the signature is its authentication.</summary>
public static class StripeWebhookEndpoint
{
    public const string Path = "/webhooks/stripe";

    /// <summary>Stripe's default: a signature older than five minutes is a replay.</summary>
    public const long ToleranceSeconds = 300;

    public static async Task<IResult> HandleAsync(HttpRequest request, WebhookSecret secret, PaymentEventProcessor processor, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(StripeWebhookEndpoint));
        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(ct);
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(json, request.Headers["Stripe-Signature"].ToString(), secret.Value, ToleranceSeconds);
        }
        catch (StripeException ex)
        {
            logger.LogWarning("Rejected a Stripe webhook: {Reason}", ex.Message);
            return Results.BadRequest(new { error = "invalid signature" });
        }

        var outcome = stripeEvent.Data.Object switch
        {
            Session s when Kind(stripeEvent.Type) is { } kind =>
                await processor.ApplySessionAsync(stripeEvent.Id, stripeEvent.Type, kind, StripeCheckoutGateway.Snapshot(s), ct),
            Charge c when stripeEvent.Type == "charge.refunded" && c.PaymentIntentId is not null =>
                await processor.ApplyRefundAsync(stripeEvent.Id, stripeEvent.Type, c.PaymentIntentId, c.AmountRefunded, c.Refunded, ct),
            _ => (EventOutcome?)null,
        };
        return Results.Ok(new { received = true, outcome = outcome?.ToString() ?? "ignored" });
    }

    private static PaymentEventProcessor.SessionEvent? Kind(string type) => type switch
    {
        "checkout.session.completed" => PaymentEventProcessor.SessionEvent.Completed,
        "checkout.session.async_payment_succeeded" => PaymentEventProcessor.SessionEvent.AsyncSucceeded,
        "checkout.session.async_payment_failed" => PaymentEventProcessor.SessionEvent.AsyncFailed,
        "checkout.session.expired" => PaymentEventProcessor.SessionEvent.Expired,
        _ => null,
    };
}
