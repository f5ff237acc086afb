using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WarrantyPortal.Data;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Infrastructure.RateLimiting;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Foundation;

public class DbRateLimiterTests
{
    private static readonly RateLimitRule ThreePerTenMinutes = new(3, TimeSpan.FromMinutes(10));

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task TryAcquireAsync_OverTheLimit_RefusedUntilTheTimeItSays(string provider)
    {
        using var db = new TestDatabase(provider);
        var clock = new ManualClock(new DateTimeOffset(2026, 6, 15, 9, 2, 0, TimeSpan.Zero));
        var limiter = new DbRateLimiter(db, clock);

        for (var i = 0; i < 3; i++) Assert.True((await limiter.TryAcquireAsync("lookup", "10.0.0.1", ThreePerTenMinutes)).Allowed);
        var refused = await limiter.TryAcquireAsync("lookup", "10.0.0.1", ThreePerTenMinutes);
        var otherAddress = await limiter.TryAcquireAsync("lookup", "10.0.0.2", ThreePerTenMinutes);
        var otherRule = await limiter.TryAcquireAsync("sign-in", "10.0.0.1", ThreePerTenMinutes);

        // The 3 attempts of 9:00–9:10 still weigh 2 of 3 until a third of the next window has passed.
        Assert.False(refused.Allowed);
        Assert.Equal(new DateTimeOffset(2026, 6, 15, 9, 13, 20, TimeSpan.Zero), refused.RetryAtUtc);
        Assert.Equal(new TimeSpan(0, 11, 20), refused.RetryAfter);
        Assert.Equal(12, refused.RetryAfterMinutes);
        Assert.True(otherAddress.Allowed);
        Assert.True(otherRule.Allowed);

        clock.Set(refused.RetryAtUtc - TimeSpan.FromSeconds(1));
        Assert.False((await limiter.TryAcquireAsync("lookup", "10.0.0.1", ThreePerTenMinutes)).Allowed);
        clock.Set(refused.RetryAtUtc);
        Assert.True((await limiter.TryAcquireAsync("lookup", "10.0.0.1", ThreePerTenMinutes)).Allowed);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task TryAcquireAsync_BurstsEitherSideOfAWindowEdge_OnlyTheLimitGetsThrough(string provider)
    {
        using var db = new TestDatabase(provider);
        var clock = new ManualClock(new DateTimeOffset(2026, 6, 15, 9, 9, 59, TimeSpan.Zero));
        using var first = Instance(db, clock);
        using var second = Instance(db, clock);
        var a = first.GetRequiredService<DbRateLimiter>();
        var b = second.GetRequiredService<DbRateLimiter>();
        var rule = new RateLimitRule(4, TimeSpan.FromMinutes(10));
        Task<RateLimitDecision[]> Burst() =>
            Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? a : b).TryAcquireAsync("lookup-order", "WE202606150001", rule)));

        var beforeTheEdge = await Burst();
        clock.Set(new DateTimeOffset(2026, 6, 15, 9, 10, 0, TimeSpan.Zero));
        var atTheEdge = await Burst();
        clock.Advance(TimeSpan.FromSeconds(30));
        var justAfter = await a.TryAcquireAsync("lookup-order", "WE202606150001", rule);

        Assert.Equal(4, beforeTheEdge.Count(d => d.Allowed));
        Assert.Equal(0, atTheEdge.Count(d => d.Allowed));
        Assert.False(justAfter.Allowed);
        // 4 × (10 − 2:30) / 10 = 3 leaves room for one at 9:12:30.
        Assert.Equal(new DateTimeOffset(2026, 6, 15, 9, 12, 30, TimeSpan.Zero), justAfter.RetryAtUtc);
        clock.Set(justAfter.RetryAtUtc);
        Assert.True((await b.TryAcquireAsync("lookup-order", "WE202606150001", rule)).Allowed);
        Assert.False((await a.TryAcquireAsync("lookup-order", "WE202606150001", rule)).Allowed);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task TryAcquireAsync_InstanceClocksASecondApartAcrossAnEdge_NoAttemptIsForgotten(string provider)
    {
        using var db = new TestDatabase(provider);
        var behind = new DbRateLimiter(db, new ManualClock(new DateTimeOffset(2026, 6, 15, 9, 9, 59, TimeSpan.Zero)));
        var ahead = new DbRateLimiter(db, new ManualClock(new DateTimeOffset(2026, 6, 15, 9, 10, 0, TimeSpan.Zero)));
        var rule = new RateLimitRule(4, TimeSpan.FromMinutes(10));

        var allowed = 0;
        for (var i = 0; i < 2; i++) if ((await behind.TryAcquireAsync("sign-in", "10.0.0.1", rule)).Allowed) allowed++;
        for (var i = 0; i < 2; i++) if ((await ahead.TryAcquireAsync("sign-in", "10.0.0.1", rule)).Allowed) allowed++;
        // The instance still in the 9:00 window sees the attempts the other one counted in the 9:10 window.
        for (var i = 0; i < 4; i++) if ((await behind.TryAcquireAsync("sign-in", "10.0.0.1", rule)).Allowed) allowed++;
        for (var i = 0; i < 4; i++) if ((await ahead.TryAcquireAsync("sign-in", "10.0.0.1", rule)).Allowed) allowed++;

        Assert.Equal(4, allowed);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task TryAcquireAsync_RefusedAttempts_DoNotUseTheNextWindowsBudget(string provider)
    {
        using var db = new TestDatabase(provider);
        var clock = new ManualClock();
        var limiter = new DbRateLimiter(db, clock);
        for (var i = 0; i < 10; i++) await limiter.TryAcquireAsync("lookup", "WE202606150001", ThreePerTenMinutes);

        // Halfway through the next window the 3 allowed attempts weigh 1.5, leaving room for one more (10 would weigh 5).
        clock.Advance(TimeSpan.FromMinutes(15));
        var allowed = 0;
        for (var i = 0; i < 5; i++) if ((await limiter.TryAcquireAsync("lookup", "WE202606150001", ThreePerTenMinutes)).Allowed) allowed++;
        clock.Advance(TimeSpan.FromMinutes(10));
        var nextWindow = 0;
        for (var i = 0; i < 5; i++) if ((await limiter.TryAcquireAsync("lookup", "WE202606150001", ThreePerTenMinutes)).Allowed) nextWindow++;

        Assert.Equal(1, allowed);
        Assert.Equal(2, nextWindow);
    }

    [Fact]
    public async Task TryAcquireAsync_CostTakesSeveralAttempts_AndCostOverTheLimitIsRefused()
    {
        using var db = new TestDatabase();
        var limiter = new DbRateLimiter(db, new ManualClock());
        var rule = new RateLimitRule(10, TimeSpan.FromMinutes(10));

        Assert.True((await limiter.TryAcquireAsync("check", "a", rule, cost: 6)).Allowed);
        Assert.False((await limiter.TryAcquireAsync("check", "a", rule, cost: 5)).Allowed);
        Assert.True((await limiter.TryAcquireAsync("check", "a", rule, cost: 4)).Allowed);
        Assert.False((await limiter.TryAcquireAsync("check", "b", rule, cost: 11)).Allowed);
    }

    [Fact]
    public async Task TryAcquireAsync_PartitionsAreStoredHashed()
    {
        using var db = new TestDatabase();
        var limiter = new DbRateLimiter(db, new ManualClock());
        await limiter.TryAcquireAsync("reset", "Someone@Example.test", ThreePerTenMinutes);
        await limiter.TryAcquireAsync("reset", " someone@example.test ", ThreePerTenMinutes);

        await using var ctx = db.CreateDbContext();
        var row = await ctx.RateLimitCounters.SingleAsync();
        Assert.DoesNotContain("example", row.Key);
        Assert.Equal(2, row.Count);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task RemoveExpiredAsync_CountersNoLongerCounting_Deleted(string provider)
    {
        using var db = new TestDatabase(provider);
        var clock = new ManualClock();
        var limiter = new DbRateLimiter(db, clock);
        await limiter.TryAcquireAsync("short", "a", new RateLimitRule(5, TimeSpan.FromMinutes(1)));
        await limiter.TryAcquireAsync("long", "a", new RateLimitRule(5, TimeSpan.FromHours(1)));

        // The short rule's 9:00 window still counts as the previous one until 9:02.
        clock.Advance(TimeSpan.FromSeconds(90));
        var stillCounting = await limiter.RemoveExpiredAsync();
        clock.Advance(TimeSpan.FromSeconds(30));
        var removed = await limiter.RemoveExpiredAsync();

        Assert.Equal(0, stillCounting);
        Assert.Equal(1, removed);
        await using var ctx = db.CreateDbContext();
        Assert.Equal(1, await ctx.RateLimitCounters.CountAsync());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task TryAcquireAsync_TwoInstancesOnOneDatabase_ShareTheCount(string provider)
    {
        using var db = new TestDatabase(provider);
        var clock = new ManualClock();
        using var first = Instance(db, clock);
        using var second = Instance(db, clock);
        var a = first.GetRequiredService<DbRateLimiter>();
        var b = second.GetRequiredService<DbRateLimiter>();
        var options = first.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
        Assert.Equal(4, options.OrderLookupPerOrder.Limit);

        // Both instances at once: exactly the limit gets through, whichever instance the attempts reach.
        var attempts = Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? a : b).TryAcquireAsync("lookup-order", "WE202606150001", options.OrderLookupPerOrder));
        var decisions = await Task.WhenAll(attempts);

        Assert.Equal(4, decisions.Count(d => d.Allowed));
        Assert.False((await a.TryAcquireAsync("lookup-order", "WE202606150001", options.OrderLookupPerOrder)).Allowed);
        Assert.False((await b.TryAcquireAsync("lookup-order", "WE202606150001", options.OrderLookupPerOrder)).Allowed);
    }

    /// <summary>The services one portal instance would build, from configuration, on the shared database.</summary>
    private static ServiceProvider Instance(TestDatabase db, TimeProvider clock)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RateLimits:OrderLookupPerOrder:Limit"] = "4",
            ["RateLimits:OrderLookupPerOrder:Window"] = "00:15:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddDbContextFactory<ApplicationDbContext>(o =>
            PortalSetup.ConfigureProvider(o, new DatabaseOptions { Provider = db.Provider, ConnectionString = db.ConnectionString }, null));
        services.AddDbRateLimiting(config);
        return services.BuildServiceProvider();
    }
}
