using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Orders;

public class TransferFollowUpsTests : IDisposable
{
    private static readonly BankTransferOptions Bank = new()
    {
        AccountHolder = "Alternenergy Power Trading",
        Iban = "FR7630006000011234567890189",
        Bic = "AGRIFRPP",
        BankName = "Crédit Agricole",
        ReminderAfterDays = 7,
        ExpireAfterDays = 14,
    };

    private readonly OrdersHarness _h;

    public TransferFollowUpsTests() : this(TestProviders.Sqlite) { }

    private TransferFollowUpsTests(string provider) => _h = new OrdersHarness(provider);

    public void Dispose() => _h.Dispose();

    private TransferFollowUps FollowUps() => new(_h.Db,
        new BankTransferInstructions(Options.Create(Bank), TestLocalizer.For<PaymentsText>(), new EmailComposer(Options.Create(new PortalOptions()))),
        Options.Create(Bank), Options.Create(new PortalOptions()), new EmailOutbox(new OutboxSignal(), _h.Clock), _h.Notifier, _h.Clock,
        NullLogger<TransferFollowUps>.Instance);

    /// <summary>An order whose customer chose wire transfer now.</summary>
    private async Task<Order> AwaitingTransferAsync()
    {
        var now = _h.Clock.GetUtcNow().UtcDateTime;
        var line = new OrderLine("702000100001", "DS3-H", "Micro inverter", "EXT10", "+10 years", 120_00, 100_00, 2000);
        var order = Order.CreateDraft(OrdersHarness.Alice, OrdersHarness.Buyer(), "EUR", false, [line], null, true, OrderActor.Customer(OrdersHarness.Alice, "Alice"), now.AddDays(-1));
        order.Submit("WE202606200001", OrderActor.Customer(OrdersHarness.Alice, "Alice"), now.AddDays(-1));
        order.Approve(OrderActor.Admin(OrdersHarness.AdminId, "Ada"), now.AddHours(-2));
        order.MarkAwaitingTransfer(OrderActor.Customer(OrdersHarness.Alice, "Alice"), now);
        await using var db = _h.Db.CreateDbContext();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    private async Task<List<OutboxMessage>> EmailsAsync(string number)
    {
        await using var db = _h.Db.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Reference == number).OrderBy(m => m.Id).ToListAsync();
    }

    private async Task<OrderStatus> StatusAsync(Guid id)
    {
        await using var db = _h.Db.CreateDbContext();
        return await db.Orders.Where(o => o.Id == id).Select(o => o.Status).SingleAsync();
    }

    [Fact]
    public async Task RunOnceAsync_AfterTheReminderDays_RemindsOnceWithTheBankDetails()
    {
        var order = await AwaitingTransferAsync();
        var followUps = FollowUps();

        _h.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));
        Assert.Equal(new TransferFollowUpRun(0, 0), await followUps.RunOnceAsync());
        Assert.Empty(await EmailsAsync(order.Number!));

        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(new TransferFollowUpRun(1, 0), await followUps.RunOnceAsync());
        Assert.Equal(new TransferFollowUpRun(0, 0), await followUps.RunOnceAsync());

        var mail = Assert.Single(await EmailsAsync(order.Number!));
        Assert.Equal("PaymentWireReminder", mail.Kind);
        Assert.Equal("alice@example.test", mail.ToAddress);
        Assert.Contains(order.Number!, mail.Subject);
        Assert.Contains("FR76 3000 6000 0112 3456 7890 189", mail.TextBody);
        // In the customer's language (French here), with the deadline of the original instructions.
        Assert.Equal("fr", mail.Culture);
        Assert.Contains("120,00", mail.TextBody);
        Assert.Contains("5 juillet 2026", mail.TextBody);
        Assert.Equal(OrderStatus.AwaitingTransfer, await StatusAsync(order.Id));
    }

    [Fact]
    public async Task RunOnceAsync_AfterTheExpiryDays_OrderExpiresAndTheCustomerIsTold()
    {
        var order = await AwaitingTransferAsync();
        var followUps = FollowUps();
        _h.Clock.Advance(TimeSpan.FromDays(7));
        await followUps.RunOnceAsync();

        _h.Clock.Advance(TimeSpan.FromDays(7));
        var run = await followUps.RunOnceAsync();

        Assert.Equal(new TransferFollowUpRun(0, 1), run);
        Assert.Equal(OrderStatus.Expired, await StatusAsync(order.Id));
        var emails = await EmailsAsync(order.Number!);
        Assert.Equal(["PaymentWireReminder", "PaymentWireExpired"], emails.Select(e => e.Kind));
        Assert.Contains("a expiré", emails[1].TextBody);
        await using var db = _h.Db.CreateDbContext();
        var last = await db.OrderStatusChanges.Where(h => h.OrderId == order.Id).OrderByDescending(h => h.AtUtc).FirstAsync();
        Assert.Equal((OrderStatus.Expired, OrderActorKind.System), (last.ToStatus, last.ActorKind));
        Assert.Contains("14 days", last.Remark);
        Assert.Equal(new TransferFollowUpRun(0, 0), await followUps.RunOnceAsync());
    }

    [Fact]
    public async Task RunOnceAsync_FirstRunAfterTheExpiry_ExpiresWithoutALateReminder()
    {
        var order = await AwaitingTransferAsync();
        _h.Clock.Advance(TimeSpan.FromDays(20));

        await FollowUps().RunOnceAsync();

        Assert.Equal(["PaymentWireExpired"], (await EmailsAsync(order.Number!)).Select(e => e.Kind));
    }

    [Fact]
    public async Task RunOnceAsync_PaidBeforeTheReminder_NoEmailAndNoExpiry()
    {
        var order = await AwaitingTransferAsync();
        var followUps = FollowUps();
        await followUps.RunOnceAsync();
        await using (var db = _h.Db.CreateDbContext())
        {
            var tracked = await db.Orders.SingleAsync(o => o.Id == order.Id);
            tracked.MarkPaid(OrderActor.Admin(OrdersHarness.AdminId, "Ada"), _h.Clock.GetUtcNow().UtcDateTime.AddDays(3));
            await db.SaveChangesAsync();
        }

        _h.Clock.Advance(TimeSpan.FromDays(30));
        var run = await followUps.RunOnceAsync();

        Assert.Equal(new TransferFollowUpRun(0, 0), run);
        Assert.Empty(await EmailsAsync(order.Number!));
        Assert.Equal(OrderStatus.Paid, await StatusAsync(order.Id));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task RunOnceAsync_TwoInstancesAtOnce_EachEmailOnce(string provider)
    {
        using var test = new TransferFollowUpsTests(provider);
        var order = await test.AwaitingTransferAsync();
        var first = test.FollowUps();
        var second = test.FollowUps();

        test._h.Clock.Advance(TimeSpan.FromDays(7));
        var reminders = await Task.WhenAll(first.RunOnceAsync(), second.RunOnceAsync(), first.RunOnceAsync());
        test._h.Clock.Advance(TimeSpan.FromDays(7));
        var expiries = await Task.WhenAll(first.RunOnceAsync(), second.RunOnceAsync(), second.RunOnceAsync());

        Assert.Equal(1, reminders.Sum(r => r.Reminded));
        Assert.Equal(1, expiries.Sum(r => r.Expired));
        Assert.Equal(["PaymentWireReminder", "PaymentWireExpired"], (await test.EmailsAsync(order.Number!)).Select(e => e.Kind));
    }
}
