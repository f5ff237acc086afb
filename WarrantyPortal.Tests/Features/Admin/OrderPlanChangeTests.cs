using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin;
using WarrantyPortal.Features.Admin.Orders;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Features.Purchase;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.Features.Orders;
using WarrantyPortal.Tests.Features.Purchase;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Admin;

/// <summary>"Change a plan" against the demo catalogue and fleet on a real SQLite file, priced by the real eligibility service.</summary>
public sealed class OrderPlanChangeTests : IDisposable
{
    private const string Device = "702000100001"; // DS3-H micro inverter, eligible in the demo fleet
    private readonly RegistryFixture _fx = new();
    private readonly OrderAdminService _admin;
    private readonly OrderPlanChangeService _plans;
    private int _sequence;

    public OrderPlanChangeTests()
    {
        var notifier = new OrderChangeNotifier(NullLogger<OrderChangeNotifier>.Instance);
        var emails = new AdminOrderEmails(new EmailComposer(Options.Create(new PortalOptions())), TestLocalizer.For<AdminText>(), Options.Create(new PortalOptions()));
        _admin = new OrderAdminService(_fx.Database, new EmailOutbox(new OutboxSignal(), _fx.Clock), emails, notifier, _fx.Clock);
        _plans = new OrderPlanChangeService(_fx.Database, Eligibility, new BuyerDirectory(_fx.Database), _admin);
    }

    private EligibilityService Eligibility => _fx.Eligibility(new OpenOrderLookup(_fx.Database));

    public void Dispose() => _fx.Dispose();

    /// <summary>A submitted order for the demo device on MI-TO20 at a made-up settlement price, moved on to <paramref name="status"/>.</summary>
    private async Task<Order> AddAsync(string userId, OrderStatus status = OrderStatus.Submitted)
    {
        var at = _fx.Clock.GetUtcNow().UtcDateTime;
        var line = new OrderLine(Device, "DS3-H", "DS3-H · Micro inverter", "MI-TO20", "DS3 micro inverter: extend to 20 years", 90_00, 77_00, 2000);
        var order = Order.CreateDraft(userId, OrdersHarness.Buyer("Clara Dupont"), "EUR", false, [line], null, true, OrderActor.Customer(userId, "Clara"), at);
        order.Submit($"WE20260601{++_sequence:D4}", OrderActor.Customer(userId, "Clara"), at);
        var admin = OrderActor.Admin("admin", "Ada");
        if (status is OrderStatus.Approved or OrderStatus.Paid) order.Approve(admin, at);
        if (status == OrderStatus.Paid) order.MarkPaid(admin, at, "card", PaymentMethod.Card);
        if (status == OrderStatus.Cancelled) order.Cancel(admin, at, "Ordered twice");
        await using var db = _fx.Database.CreateDbContext();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    private async Task<Order> ReloadAsync(Guid id)
    {
        await using var db = _fx.Database.CreateDbContext();
        return await db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == id);
    }

    private async Task<PlanOffer> OfferAsync(string profile, string planCode, string orderNumber) =>
        (await Eligibility.QuoteAsync(Device, PurchaseTerms.Request("FR", "EUR", null, profile, 1) with { ExcludingOrderNumber = orderNumber }))
        .Offers.Single(o => o.PlanCode == planCode);

    [Fact]
    public async Task ChoicesAsync_MicroInverter_OnlyPlansTheDeviceMayHaveWithCurrentMarked()
    {
        var order = await AddAsync(PurchaseTestData.AddUser(_fx, country: "FR"));

        var choices = await _plans.ChoicesAsync(order.Id, order.Lines[0].Id);

        Assert.NotNull(choices);
        Assert.Null(choices.Problem);
        Assert.Contains(choices.Plans, p => p.PlanCode == "MI-TO25" && !p.IsCurrent);
        Assert.Single(choices.Plans, p => p.IsCurrent);
        Assert.DoesNotContain(choices.Plans, p => p.PlanCode.StartsWith("SI-", StringComparison.Ordinal) || p.PlanCode == "MI-TO15");
        Assert.All(choices.Plans, p => Assert.Equal("EUR", p.UnitPrice.Currency));
    }

    [Fact]
    public async Task ChangeAsync_ResellerOrder_PlanPricedForResellerTotalsFollowAuditKeepsBeforeAndAfter()
    {
        var reseller = PurchaseTestData.AddUser(_fx, CustomerProfile.ResellerCode, "FR");
        var order = await AddAsync(reseller);
        var expected = await OfferAsync(CustomerProfile.ResellerCode, "MI-TO25", order.Number!);
        var consumerPrice = await OfferAsync(CustomerProfile.CustomerCode, "MI-TO25", order.Number!);

        var result = await _plans.ChangeAsync(new OrderRef(order.Id, order.Version), AdminHarness.Ada, order.Lines[0].Id, "MI-TO25");

        Assert.True(result.Ok, result.Message);
        var changed = await ReloadAsync(order.Id);
        var line = changed.Lines.Single();
        Assert.Equal("MI-TO25", line.PlanCode);
        Assert.Equal(expected.UnitNet.Minor, line.UnitPriceMinor);
        Assert.Equal(expected.ListNet.Minor, line.StandardUnitPriceMinor);
        Assert.NotEqual(consumerPrice.UnitNet.Minor, line.UnitPriceMinor); // the reseller tier applies
        Assert.Equal(changed.Totals.Total.Minor, changed.TotalMinor);
        Assert.Equal(line.UnitPriceMinor + line.UnitPriceMinor * 20 / 100, changed.TotalMinor);
        Assert.NotEqual(order.Version, changed.Version);
        await using var db = _fx.Database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.SubjectKey == order.Number && a.Action == "PlanChanged");
        Assert.Contains("MI-TO20", entry.Before);
        Assert.Contains("77.00", entry.Before);
        Assert.Contains("MI-TO25", entry.After);
        Assert.Equal("Ada Admin", entry.ActorName);
    }

    [Fact]
    public async Task ChangeAsync_ApprovedNotYetPaid_Allowed()
    {
        var order = await AddAsync(PurchaseTestData.AddUser(_fx, country: "FR"), OrderStatus.Approved);

        var result = await _plans.ChangeAsync(new OrderRef(order.Id, order.Version), AdminHarness.Ada, order.Lines[0].Id, "MI-TO25");

        Assert.True(result.Ok, result.Message);
        Assert.Equal("MI-TO25", (await ReloadAsync(order.Id)).Lines.Single().PlanCode);
    }

    [Fact]
    public async Task ChangeAsync_StaleVersion_ConflictNothingApplied()
    {
        var order = await AddAsync(PurchaseTestData.AddUser(_fx, country: "FR"));
        var first = await _plans.ChangeAsync(new OrderRef(order.Id, order.Version), AdminHarness.Max, order.Lines[0].Id, "MI-TO25");
        Assert.True(first.Ok, first.Message);

        var second = await _plans.ChangeAsync(new OrderRef(order.Id, order.Version), AdminHarness.Ada, order.Lines[0].Id, "MI-TO20");

        Assert.Equal(AdminOutcome.Conflict, second.Outcome);
        Assert.Equal("Max Admin", second.ChangedBy);
        Assert.Equal("MI-TO25", (await ReloadAsync(order.Id)).Lines.Single().PlanCode);
    }

    [Theory]
    [InlineData(OrderStatus.Cancelled)]
    [InlineData(OrderStatus.Paid)]
    public async Task ChangeAsync_ClosedOrPaidOrder_RefusedWithClearMessage(OrderStatus status)
    {
        var order = await AddAsync(PurchaseTestData.AddUser(_fx, country: "FR"), status);

        var result = await _plans.ChangeAsync(new OrderRef(order.Id, order.Version), AdminHarness.Ada, order.Lines[0].Id, "MI-TO25");

        Assert.Equal(AdminOutcome.NotAllowed, result.Outcome);
        Assert.Contains("can no longer be changed", result.Message);
        Assert.Contains(order.Number!, result.Message);
        Assert.Equal("MI-TO20", (await ReloadAsync(order.Id)).Lines.Single().PlanCode);
    }

    [Fact]
    public async Task ChangeAsync_PaymentUnderWay_Refused()
    {
        var order = await AddAsync(PurchaseTestData.AddUser(_fx, country: "FR"), OrderStatus.Approved);
        await using (var db = _fx.Database.CreateDbContext())
        {
            db.PaymentAttempts.Add(new PaymentAttempt
            {
                Id = Guid.NewGuid(), OrderReference = order.Id.ToString(), OrderNumber = order.Number!, AmountMinor = order.TotalMinor, Currency = "EUR",
                Method = PaymentMethodKind.EuBankTransfer, Status = PaymentAttemptStatus.Processing, Provider = "test", IdempotencyKey = "k-" + order.Number,
            });
            await db.SaveChangesAsync();
        }

        var result = await _plans.ChangeAsync(new OrderRef(order.Id, order.Version), AdminHarness.Ada, order.Lines[0].Id, "MI-TO25");

        Assert.Equal(AdminOutcome.NotAllowed, result.Outcome);
        Assert.Contains("payment", result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("MI-TO20", (await ReloadAsync(order.Id)).Lines.Single().PlanCode);
    }

    [Fact]
    public async Task ChangeAsync_PlanOfAnotherFamily_RefusedSayingWhy()
    {
        var order = await AddAsync(PurchaseTestData.AddUser(_fx, country: "FR"));

        var result = await _plans.ChangeAsync(new OrderRef(order.Id, order.Version), AdminHarness.Ada, order.Lines[0].Id, "SI-TO15");

        Assert.Equal(AdminOutcome.Invalid, result.Outcome);
        Assert.StartsWith("Plan SI-TO15 cannot be sold for 702000100001 today", result.Message);
        Assert.Equal("MI-TO20", (await ReloadAsync(order.Id)).Lines.Single().PlanCode);
    }
}
