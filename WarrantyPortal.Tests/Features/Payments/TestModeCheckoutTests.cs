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
    public async Task Reconcile_TwoWorkersAtOnce_EachSessionAskedOnceAndExpiredOnce()
    {
        var starts = new List<Guid>();
        for (var i = 0; i < 8; i++) starts.Add((await Service().StartAsync(Request($"ord-{i}"), PaymentMethodKind.Card)).AttemptId);
        _clock.Advance(TimeSpan.FromHours(24));
        var counting = new CountingGateway(_gateway);
        PaymentReconciliationWorker NewWorker() => new(_db, counting, _events, Options.Create(_options), _clock, new WorkerHealth(_clock), NullLogger<PaymentReconciliationWorker>.Instance);

        var changed = await Task.WhenAll(Task.Run(() => NewWorker().ReconcileAsync(CancellationToken.None)), Task.Run(() => NewWorker().ReconcileAsync(CancellationToken.None)));

        Assert.Equal(8, changed.Sum());
        Assert.All(starts, id => Assert.Equal(1, counting.Asked(id)));
        Assert.All(starts, id => Assert.Equal(PaymentAttemptStatus.Expired, Attempt(id).Status));
        Assert.All(Enumerable.Range(0, 8), i => Assert.Equal(["Expired"], _settlement.For($"ord-{i}").Select(c => c.Kind)));
    }

    /// <summary>Counts status checks per payment attempt, passing everything to the real gateway.</summary>
    private sealed class CountingGateway(IPaymentGateway inner) : IPaymentGateway
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _asked = new();

        public string Name => inner.Name;

        public int Asked(Guid attemptId) => _asked.GetValueOrDefault(attemptId);

        public Task<GatewaySession> CreateSessionAsync(PaymentAttempt attempt, PaymentRequest request, CancellationToken ct) => inner.CreateSessionAsync(attempt, request, ct);

        public Task<CheckoutSessionSnapshot?> GetSessionAsync(PaymentAttempt attempt, CancellationToken ct)
        {
            _asked.AddOrUpdate(attempt.Id, 1, (_, n) => n + 1);
            return inner.GetSessionAsync(attempt, ct);
        }

        public Task<CheckoutSessionSnapshot?> ExpireSessionAsync(PaymentAttempt attempt, CancellationToken ct) => inner.ExpireSessionAsync(attempt, ct);
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
