using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace WarrantyPortal.Features.Payments;

/// <summary>
/// Builds events shaped like Stripe's and signs them like Stripe does, so the test-mode checkout
/// (and anyone checking the webhook) goes through the same signature check as real events.
/// </summary>
public static class StripeEvents
{
    public const string ApiVersion = "2026-10-28.endive";

    public static JsonObject Session(string sessionId, string status, string paymentStatus, long amountTotal, string currency,
        string? paymentIntentId, string? orderReference, Guid? attemptId, DateTimeOffset created, DateTimeOffset expiresAt) => new()
    {
        ["id"] = sessionId,
        ["object"] = "checkout.session",
        ["amount_subtotal"] = amountTotal,
        ["amount_total"] = amountTotal,
        ["client_reference_id"] = orderReference,
        ["created"] = created.ToUnixTimeSeconds(),
        ["currency"] = currency.ToLowerInvariant(),
        ["expires_at"] = expiresAt.ToUnixTimeSeconds(),
        ["livemode"] = false,
        ["metadata"] = new JsonObject
        {
            ["order_reference"] = orderReference,
            ["attempt_id"] = attemptId?.ToString(),
        },
        ["mode"] = "payment",
        ["payment_intent"] = paymentIntentId,
        ["payment_status"] = paymentStatus,
        ["status"] = status,
    };

    public static JsonObject Charge(string chargeId, string paymentIntentId, long amount, long amountRefunded, string currency, DateTimeOffset created) => new()
    {
        ["id"] = chargeId,
        ["object"] = "charge",
        ["amount"] = amount,
        ["amount_captured"] = amount,
        ["amount_refunded"] = amountRefunded,
        ["captured"] = true,
        ["created"] = created.ToUnixTimeSeconds(),
        ["currency"] = currency.ToLowerInvariant(),
        ["livemode"] = false,
        ["paid"] = true,
        ["payment_intent"] = paymentIntentId,
        ["refunded"] = amountRefunded >= amount,
        ["status"] = "succeeded",
    };

    public static string Event(string eventId, string type, JsonObject dataObject, DateTimeOffset created) => new JsonObject
    {
        ["id"] = eventId,
        ["object"] = "event",
        ["api_version"] = ApiVersion,
        ["created"] = created.ToUnixTimeSeconds(),
        ["data"] = new JsonObject { ["object"] = dataObject.DeepClone() },
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["type"] = type,
    }.ToJsonString();

    /// <summary>The Stripe-Signature header: t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, "&lt;t&gt;.&lt;payload&gt;")&gt;.</summary>
    public static string SignatureHeader(string secret, string payload, DateTimeOffset at)
    {
        var t = at.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }

    public static string NewEventId() => "evt_" + Guid.NewGuid().ToString("N")[..24];
}
