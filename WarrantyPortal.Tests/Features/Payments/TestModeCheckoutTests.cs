using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Payments;

/// <summary>CheckoutService without a Stripe key: sessions are the portal's own test-mode checkout.</summary>
public sealed class TestModeCheckoutTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly ManualClock _clock = new();
    private readonly RecordingSettlement _settlement = new();
    private readonly PaymentOptions _options = new() { SessionLifetimeHours = 23, ReconcileAfterMinutes = 10, ReconcileIntervalSeconds = 60 };
    private readonly PaymentEventProcessor _events;
    private readonly TestModeGateway _gateway;

    public TestModeCheckoutTests()
    {
        var scopes = new ServiceCollection().AddSingleton<IPaymentSettlement>(_settlement).BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();
        _events = new PaymentEventProcessor(_db, scopes, new PaymentNotifier(), _clock, NullLogger<PaymentEventProcessor>.Instance);
        _gateway = new TestModeGateway(_clock);
    }

    private CheckoutService Service() => new(_db, _gateway, _events,
        new PaymentMethodCatalog(Options.Create(_options), Options.Create(new BankTransferOptions())),
        Options.Create(_options), Options.Create(new PortalOptions { PublicBaseUrl = "https://shop.example.com" }), _clock, NullLogger<CheckoutService>.Instance);

    private PaymentReconciliationWorker Worker() => new(_db, _gateway, _events, Options.Create(_options), _clock, new WorkerHealth(_clock), NullLogger<PaymentReconciliationWorker>.Instance);

    private static PaymentRequest Request(string reference = "ord-1") =>
        new(reference, "WE202606150001", "ana@example.com", "EUR", [new PaymentLine("QT2D extended warranty", 2400, 3)], new Money(7200, "EUR"));

    private PaymentAttempt Attempt(Guid id)
    {
        using var db = _db.CreateDbContext();
        return db.PaymentAttempts.AsNoTracking().Single(a => a.Id == id);
    }

    [Fact]
    public async Task StartAsync_NoStripeKey_RedirectsToTestCheckoutWithDefaultReturnPage()
    {
        var start = await Service().StartAsync(Request(), PaymentMethodKind.Card);

        Assert.Equal($"/checkout/test/{start.AttemptId}", start.RedirectUrl);
        var a = Attempt(start.AttemptId);
        Assert.Equal("test", a.Provider);
        Assert.Equal($"https://shop.example.com/checkout/return/{start.AttemptId}", a.SuccessUrl);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddHours(23), a.ExpiresAtUtc);
        Assert.Contains("QT2D extended warranty", a.LinesJson);
    }

    [Fact]
    public async Task StartAsync_Alipay_OpensTheAlipayTab()
    {
        var start = await Service().StartAsync(Request(), PaymentMethodKind.Alipay);

        Assert.EndsWith("?method=alipay", start.RedirectUrl);
    }

    [Fact]
    public async Task StartAsync_SessionAboutToExpire_NewSessionInsteadOfReuse()
    {
        var first = await Service().StartAsync(Request(), PaymentMethodKind.Card);
        _clock.Advance(TimeSpan.FromHours(22) + TimeSpan.FromMinutes(55));

        var second = await Service().StartAsync(Request(), PaymentMethodKind.Card);

        Assert.NotEqual(first.AttemptId, second.AttemptId);
        Assert.Equal(PaymentAttemptStatus.Expired, Attempt(first.AttemptId).Status);
    }

    [Fact]
    public async Task StartAsync_OrderAlreadyPaid_SendsToStatusPageWithoutNewSession()
    {
        var first = await Service().StartAsync(Request(), PaymentMethodKind.Card);
        var snapshot = new CheckoutSessionSnapshot(Attempt(first.AttemptId).ProviderSessionId!, "complete", "paid", 7200, "eur", "pi_1");
        await _events.ApplySessionAsync("evt_1", "checkout.session.completed", PaymentEventProcessor.SessionEvent.Completed, snapshot, CancellationToken.None);

        var again = await Service().StartAsync(Request(), PaymentMethodKind.Alipay);

        Assert.Equal(first.AttemptId, again.AttemptId);
        Assert.Equal($"/checkout/return/{first.AttemptId}", again.RedirectUrl);
        using var db = _db.CreateDbContext();
        Assert.Equal(1, db.PaymentAttempts.Count());
    }

    [Fact]
    public async Task StartAsync_WireTransfer_RefusedBecauseItHasNoCheckout()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Service().StartAsync(Request(), PaymentMethodKind.WireTransfer));
    }

    [Fact]
    public async Task Reconcile_TestSessionPastExpiry_ExpiredOnceAndOrderTold()
    {
        var start = await Service().StartAsync(Request(), PaymentMethodKind.Card);
        Assert.Equal(0, await Worker().ReconcileAsync(CancellationToken.None));

        _clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, await Worker().ReconcileAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await Worker().ReconcileAsync(CancellationToken.None));

        Assert.Equal(PaymentAttemptStatus.Expired, Attempt(start.AttemptId).Status);
        Assert.Equal(["Expired"], _settlement.For("ord-1").Select(c => c.Kind));
    }

    public void Dispose() => _db.Dispose();
}
