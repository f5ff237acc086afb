using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WarrantyPortal.Domain;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Payments;

/// <summary>The portal configured for Stripe, talking to a fake Stripe on loopback, with the orders side replaced by a recorder.</summary>
public sealed class StripePaymentsFixture : IAsyncLifetime
{
    public const string WebhookSecret = "whsec_test_8f2b1c0d9e7a6b5c4d3e2f1a";

    public FakeStripe Stripe { get; private set; } = default!;

    public PaymentsPortalApp App { get; private set; } = default!;

    public RecordingSettlement Settlement { get; } = new();

    public HttpClient Http { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Stripe = await FakeStripe.StartAsync();
        App = new PaymentsPortalApp(new Dictionary<string, string?>
        {
            ["Payments:Stripe:SecretKey"] = "sk_test_fake_portal",
            ["Payments:Stripe:ApiBase"] = Stripe.BaseUrl,
            ["Payments:Stripe:WebhookSecret"] = WebhookSecret,
            ["Payments:ReconcileAfterMinutes"] = "0",
            ["Payments:ReconcileIntervalSeconds"] = "3600",
        }, Settlement);
        App.Start();
        Http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
    }

    public static PaymentRequest Request(string currency = "EUR", bool saveCard = false, string country = "FR")
    {
        var reference = "ord-" + Guid.NewGuid().ToString("N")[..12];
        return new PaymentRequest(reference, "WE" + Random.Shared.NextInt64(100000000000, 999999999999), "ana.martin@example.com", currency,
            [new PaymentLine("QT2D extended warranty, 10 years", 2400, 3), new PaymentLine("DS3 extended warranty", 1500, 1)],
            new Money(8700, currency), $"/orders/{reference}/paid", $"/orders/{reference}/pay", country, "Ana Martin", saveCard);
    }

    public Task<CheckoutStart> StartAsync(PaymentRequest request, PaymentMethodKind method = PaymentMethodKind.Card) =>
        App.Get<CheckoutService>().StartAsync(request, method);

    public PaymentAttempt Attempt(Guid id)
    {
        using var db = App.CreateDbContext();
        return db.PaymentAttempts.AsNoTracking().Single(a => a.Id == id);
    }

    public int EventCount(string eventId)
    {
        using var db = App.CreateDbContext();
        return db.PaymentEvents.Count(e => e.EventId == eventId);
    }

    /// <summary>Posts an event to the portal's webhook the way Stripe does, signed with <paramref name="secret"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(string type, JsonObject dataObject, string? eventId = null, string secret = WebhookSecret, DateTimeOffset? signedAt = null, Func<string, string>? tamper = null)
    {
        var at = signedAt ?? DateTimeOffset.UtcNow;
        var payload = StripeEvents.Event(eventId ?? StripeEvents.NewEventId(), type, dataObject, at);
        var signature = StripeEvents.SignatureHeader(secret, payload, at);
        using var content = new StringContent(tamper?.Invoke(payload) ?? payload, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoint.Path) { Content = content };
        request.Headers.Add("Stripe-Signature", signature);
        return await Http.SendAsync(request);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        App.Dispose();
        await Stripe.DisposeAsync();
    }
}

public sealed class PaymentsPortalApp(IDictionary<string, string?> settings, IPaymentSettlement settlement) : PortalApp(settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton(settlement));
    }
}
