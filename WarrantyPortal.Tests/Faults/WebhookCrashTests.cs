using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Faults;

/// <summary>
/// The portal dies while handling Stripe's "checkout completed" webhook. Stripe got no 2xx, so it delivers the same event
/// again to the restarted portal: the order ends paid once, the customer gets one "payment received" email, the event is
/// recorded once.
/// </summary>
public sealed class WebhookCrashTests : IAsyncLifetime
{
    private const string Secret = "whsec_test_faults_4c1d9e2b7a";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wp-faults", Guid.NewGuid().ToString("N"));
    private FakeStripe _stripe = default!;

    // One mail server for both lives of the portal: the email may leave before the kill or after the restart, but once.
    private readonly SmtpListener _smtp = SmtpListener.StartNew();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _stripe = await FakeStripe.StartAsync();
    }

    private RestartablePortal Portal(FaultInjector? fault = null) => (RestartablePortal)new RestartablePortal(Path.Combine(_dir, "portal.db"), new Dictionary<string, string?>
    {
        ["Payments:Stripe:SecretKey"] = "sk_test_fake_portal",
        ["Payments:Stripe:ApiBase"] = _stripe.BaseUrl,
        ["Payments:Stripe:WebhookSecret"] = Secret,
        // Only the webhook's redelivery may settle the payment here, not the reconciliation.
        ["Payments:ReconcileIntervalSeconds"] = "3600",
        ["Mail:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // A message the killed instance had claimed is sent by the restarted one once the claim lapses.
        ["Mail:Smtp:TimeoutSeconds"] = "2",
        ["Mail:ClaimSeconds"] = "3",
    }, fault).Start();

    [Theory]
    [InlineData("while marking the order paid and queueing its email", "UPDATE \"Orders\"")]
    [InlineData("after the order was paid, before the event was recorded", "INSERT INTO \"PaymentEvents\"")]
    public async Task Webhook_ProcessKilledMidway_RedeliveryToRestartedPortalSettlesOnce(string when, string sql)
    {
        var eventId = StripeEvents.NewEventId();
        string number;
        System.Text.Json.Nodes.JsonObject session;
        var fault = new FaultInjector();
        using (var doomed = Portal(fault))
        {
            number = await doomed.ApprovedOrderAsync();
            using var scope = doomed.Services.CreateScope();
            var pay = await scope.ServiceProvider.GetRequiredService<OrderPaymentService>().StartCheckoutAsync(OrderAccess.Customer(doomed.CustomerId(), "Demo Customer"), number, PaymentMethodKind.Card, "en");
            Assert.Equal(PayOutcome.Redirect, pay.Outcome);
            session = _stripe.Complete(pay.RedirectUrl!.Split('/').Last());

            // The demo orders paid at seeding are completed by the worker at start: let it finish, so only the webhook writes orders.
            await WaitUntilAsync(() =>
            {
                using var db = doomed.CreateDbContext();
                return !db.Orders.Any(o => o.Status == OrderStatus.Paid);
            });
            fault.KillAt(sql);
            var response = await doomed.PostStripeEventAsync(Secret, eventId, "checkout.session.completed", session);

            Assert.True(fault.Fired, $"the kill point ({when}) was never reached");
            Assert.False(response.IsSuccessStatusCode, "Stripe must not be told the event was handled");
        }

        using var restarted = Portal();
        var before = restarted.OrderByNumber(number);
        Assert.Equal(sql.StartsWith("UPDATE", StringComparison.Ordinal) ? OrderStatus.Approved : OrderStatus.Paid, before.Status);

        var redelivered = await restarted.PostStripeEventAsync(Secret, eventId, "checkout.session.completed", session);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await restarted.PostStripeEventAsync(Secret, eventId, "checkout.session.completed", session)).StatusCode);

        var after = restarted.OrderByNumber(number);
        Assert.Contains(after.Status, new[] { OrderStatus.Paid, OrderStatus.Completed });
        Assert.Single(after.History, h => h.ToStatus == OrderStatus.Paid);
        await using (var db = restarted.CreateDbContext())
        {
            Assert.Equal(1, await db.PaymentEvents.CountAsync(e => e.EventId == eventId));
            Assert.Equal(PaymentAttemptStatus.Paid, (await db.PaymentAttempts.AsNoTracking().SingleAsync(a => a.OrderNumber == number)).Status);
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == "order-paid" && m.Reference == number));
        }
        await _smtp.WaitForAsync(OrdersDemoSeeder.CustomerEmail, $"Payment received for order {number}", TimeSpan.FromSeconds(30));
        Assert.Single(_smtp.Messages, m => (m.Subject ?? "").Contains($"Payment received for order {number}", StringComparison.Ordinal));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in 30 s");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await _stripe.DisposeAsync();
        await _smtp.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
