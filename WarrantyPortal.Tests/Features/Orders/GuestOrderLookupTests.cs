using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Infrastructure.RateLimiting;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Orders;

public class GuestOrderLookupTests : IDisposable
{
    private readonly OrdersHarness _h = new();
    private int _sequence;

    public void Dispose() => _h.Dispose();

    private GuestOrderLookup Lookup(RateLimitOptions? limits = null) =>
        new(_h.Db, new DbRateLimiter(_h.Db, _h.Clock), Options.Create(limits ?? new RateLimitOptions()), _h.Clock);

    /// <summary>An order billed in London (SW1A 1AA) for devices installed in Lyon (69001).</summary>
    private async Task<Order> AddAsync(OrderStatus status)
    {
        var n = Interlocked.Increment(ref _sequence);
        var buyer = OrdersHarness.Buyer() with
        {
            BillingAddress = new PostalAddress { Line1 = "10 Downing Street", PostalCode = "SW1A 1AA", City = "London", Country = "GB" },
        };
        var at = new DateTime(2026, 6, 15, 8, 0, 0, DateTimeKind.Utc);
        var line = new OrderLine($"70200010000{n}", "DS3-H", "Micro inverter", "EXT10", "+10 years", 120_00, 100_00, 2000);
        var order = Order.CreateDraft(OrdersHarness.Alice, buyer, "EUR", false, [line], null, true, OrderActor.Customer(OrdersHarness.Alice, "Alice"), at);
        order.Submit($"WE20260615{n:D4}", OrderActor.Customer(OrdersHarness.Alice, "Alice"), at);
        var admin = OrderActor.Admin(OrdersHarness.AdminId, "Ada");
        if (status is OrderStatus.Approved or OrderStatus.Paid) order.Approve(admin, at.AddHours(1));
        if (status == OrderStatus.Paid) order.MarkPaid(admin, at.AddHours(2));
        await using var db = _h.Db.CreateDbContext();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    [Theory]
    [InlineData("SW1A 1AA")]
    [InlineData("sw1a1aa")]
    [InlineData(" 69001 ")]
    public async Task FindAsync_NumberAndBillingOrInstallationPostalCode_ShowsOrderAndAPaymentLink(string postalCode)
    {
        var order = await AddAsync(OrderStatus.Approved);

        var result = await Lookup().FindAsync(order.Number!, postalCode, "10.0.0.1");

        Assert.Equal(LookupOutcome.Found, result.Outcome);
        Assert.Equal(order.Number, result.Order!.Number);
        Assert.Equal(OrderStatus.Approved, result.Order.Status);
        Assert.Equal(120_00, result.Order.Total.Minor);
        Assert.StartsWith("pay/", result.Order.PayPath);
        var token = result.Order.PayPath!["pay/".Length..];
        var access = await new OrderPaymentLinks(_h.Db, Options.Create(new PortalOptions())).ResolveAsync(token);
        Assert.Equal((PaymentLinkState.Open, order.Id), (access.State, access.OrderId));
    }

    [Fact]
    public async Task FindAsync_OrderNumberTypedLoosely_Normalised()
    {
        var order = await AddAsync(OrderStatus.Approved);
        var loose = " " + order.Number!.ToLowerInvariant().Insert(2, " ").Insert(11, "-") + " ";

        var result = await Lookup().FindAsync(loose, "SW1A1AA", "10.0.0.1");

        Assert.Equal(LookupOutcome.Found, result.Outcome);
    }

    [Fact]
    public async Task FindAsync_WrongNumberOrWrongPostalCode_SameAnswer()
    {
        var order = await AddAsync(OrderStatus.Approved);

        var wrongPostal = await Lookup().FindAsync(order.Number!, "75001", "10.0.0.1");
        var wrongNumber = await Lookup().FindAsync("WE202606159999", "SW1A 1AA", "10.0.0.1");
        var notANumber = await Lookup().FindAsync("hello", "SW1A 1AA", "10.0.0.1");

        Assert.Equal(new LookupResult(LookupOutcome.NotFound), wrongPostal);
        Assert.Equal(wrongPostal, wrongNumber);
        Assert.Equal(wrongPostal, notANumber);
    }

    [Fact]
    public async Task FindAsync_PaidOrder_ShownWithoutPaymentLink()
    {
        var order = await AddAsync(OrderStatus.Paid);

        var result = await Lookup().FindAsync(order.Number!, "69001", "10.0.0.1");

        Assert.Equal(OrderStatus.Paid, result.Order!.Status);
        Assert.Null(result.Order.PayPath);
        await using var db = _h.Db.CreateDbContext();
        Assert.False(await db.OrderPaymentLinks.AnyAsync());
    }

    [Fact]
    public async Task FindAsync_GuessingPostalCodesOfOneOrder_LimitedWhateverTheAddress()
    {
        var order = await AddAsync(OrderStatus.Approved);
        var lookup = Lookup(new RateLimitOptions { OrderLookupPerOrder = new RateLimitRule(3, TimeSpan.FromMinutes(15)) });
        for (var i = 0; i < 3; i++) await lookup.FindAsync(order.Number!, $"0000{i}", $"10.0.1.{i}");

        // Even the right postal code, from yet another address, waits until the time it is told.
        var refused = await lookup.FindAsync(order.Number!, "SW1A 1AA", "10.0.1.99");

        Assert.Equal(LookupOutcome.TooManyAttempts, refused.Outcome);
        Assert.Null(refused.Order);
        Assert.True(refused.RetryAtUtc > _h.Clock.GetUtcNow());
        Assert.InRange(refused.RetryAfterMinutes, 1, 15);
        _h.Clock.Set(refused.RetryAtUtc!.Value);
        Assert.Equal(LookupOutcome.Found, (await lookup.FindAsync(order.Number!, "SW1A 1AA", "10.0.1.99")).Outcome);
    }

    [Fact]
    public async Task FindAsync_ManyOrdersFromOneAddress_Limited()
    {
        var lookup = Lookup(new RateLimitOptions { OrderLookupPerAddress = new RateLimitRule(4, TimeSpan.FromMinutes(15)) });
        for (var i = 0; i < 4; i++) Assert.Equal(LookupOutcome.NotFound, (await lookup.FindAsync($"WE2026061500{i:D2}", "75001", "10.0.2.1")).Outcome);

        var refused = await lookup.FindAsync("WE202606150050", "75001", "10.0.2.1");
        var otherAddress = await lookup.FindAsync("WE202606150050", "75001", "10.0.2.2");

        Assert.Equal(LookupOutcome.TooManyAttempts, refused.Outcome);
        Assert.Equal(LookupOutcome.NotFound, otherAddress.Outcome);
    }
}
