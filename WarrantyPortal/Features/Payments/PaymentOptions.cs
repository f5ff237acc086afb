using System.Security.Cryptography;

namespace WarrantyPortal.Features.Payments;

public sealed class PaymentOptions
{
    public const string Section = "Payments";

    public StripeOptions Stripe { get; set; } = new();

    /// <summary>How long a checkout session stays open (Stripe allows 30 minutes to 24 hours).</summary>
    public double SessionLifetimeHours { get; set; } = 23;

    /// <summary>An open session older than this, with no webhook, is checked with the provider.</summary>
    public int ReconcileAfterMinutes { get; set; } = 10;

    public int ReconcileIntervalSeconds { get; set; } = 60;

    /// <summary>Test mode posts its events here; by default the app's own listening address.</summary>
    public string? TestModeWebhookBaseUrl { get; set; }

    public bool StripeConfigured => !string.IsNullOrWhiteSpace(Stripe.SecretKey);

    public TimeSpan SessionLifetime => TimeSpan.FromHours(Math.Clamp(SessionLifetimeHours, 0.5, 24));
}

public sealed class StripeOptions
{
    /// <summary>sk_live_… or sk_test_…; empty means the built-in test-mode checkout.</summary>
    public string? SecretKey { get; set; }

    /// <summary>whsec_… from the webhook endpoint in the Stripe dashboard.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Defaults to https://api.stripe.com.</summary>
    public string? ApiBase { get; set; }

    /// <summary>How long one call to Stripe may take before the customer is told the payment service is unavailable.</summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>Retries of a call that failed on the network (each with the same idempotency key).</summary>
    public int MaxNetworkRetries { get; set; } = 1;

    /// <summary>Country of the virtual IBAN for EU bank transfers (BE, DE, ES, FR, IE or NL) when the order's country is not one of them.</summary>
    public string EuBankTransferCountry { get; set; } = "FR";
}

/// <summary>
/// The secret webhook signatures are checked with. Test mode without a configured secret makes one at start,
/// so its own signed events go through the same check as Stripe's.
/// </summary>
public sealed class WebhookSecret
{
    public WebhookSecret(PaymentOptions options)
    {
        Value = !string.IsNullOrWhiteSpace(options.Stripe.WebhookSecret)
            ? options.Stripe.WebhookSecret
            : options.StripeConfigured
                ? throw new InvalidOperationException("Payments:Stripe:WebhookSecret is required when Payments:Stripe:SecretKey is set (copy the whsec_… signing secret of the webhook endpoint).")
                : "whsec_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
    }

    public string Value { get; }
}
