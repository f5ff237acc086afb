using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Orders;

public class CustomerOrderServiceTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task CancelAsync_OwnSubmittedOrder_CancelledWithReasonHistoryAndAdminNotice(string provider)
    {
        using var h = new OrdersHarness(provider);
        var number = await h.PlaceAsync(OrdersHarness.Alice, "SN-1");
        var notified = new TaskCompletionSource();
        var id = (await h.Query.GetAsync(OrdersHarness.Alice, number))!.Id;
        using var _ = h.Notifier.Subscribe(id, () => { notified.TrySetResult(); return Task.CompletedTask; });

        var outcome = await h.Customer.CancelAsync(OrdersHarness.Alice, "Alice Buyer", number, "Ordered twice");

        Assert.Equal(CancelOutcome.Cancelled, outcome);
        var d = (await h.Query.GetAsync(OrdersHarness.Alice, number))!;
        Assert.Equal(OrderStatus.Cancelled, d.Status);
        Assert.Equal("Ordered twice", d.CloseReason);
        var last = d.History[^1];
        Assert.Equal((OrderStatus.Submitted, OrderStatus.Cancelled, OrderActorKind.Customer, "Ordered twice"), (last.From, last.To, last.ActorKind, last.Remark));
        await notified.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await using var db = h.Db.CreateDbContext();
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Kind == "order-cancelled" && m.ToAddress == "admin@example.test"));
    }

    [Fact]
    public async Task CancelAsync_AnotherCustomersOrder_NotFoundAndUnchanged()
    {
        using var h = new OrdersHarness();
        var bobs = await h.PlaceAsync(OrdersHarness.Bob, "SN-2");

        Assert.Equal(CancelOutcome.NotFound, await h.Customer.CancelAsync(OrdersHarness.Alice, "Alice", bobs, "Not mine"));
        Assert.Equal(OrderStatus.Submitted, (await h.Query.GetAsync(OrdersHarness.Bob, bobs))!.Status);
    }

    [Fact]
    public async Task CancelAsync_PaidOrder_NotAllowed()
    {
        using var h = new OrdersHarness();
        var number = await h.PlaceAsync(OrdersHarness.Alice, "SN-3");
        await using (var db = h.Db.CreateDbContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Number == number);
            order.Approve(OrderActor.Admin(OrdersHarness.AdminId, "Ada"), DateTime.UtcNow);
            order.MarkPaid(OrderActor.System, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        Assert.Equal(CancelOutcome.NotAllowed, await h.Customer.CancelAsync(OrdersHarness.Alice, "Alice", number, "Too late"));
        Assert.Equal(OrderStatus.Paid, (await h.Query.GetAsync(OrdersHarness.Alice, number))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task SaveChanges_TwoEditorsOnOneOrder_SecondGetsConcurrencyConflict(string provider)
    {
        using var h = new OrdersHarness(provider);
        var number = await h.PlaceAsync(OrdersHarness.Alice, "SN-4");
        await using var admin = h.Db.CreateDbContext();
        await using var buyer = h.Db.CreateDbContext();
        var a = await admin.Orders.SingleAsync(o => o.Number == number);
        var b = await buyer.Orders.SingleAsync(o => o.Number == number);

        a.Approve(OrderActor.Admin(OrdersHarness.AdminId, "Ada"), DateTime.UtcNow);
        await admin.SaveChangesAsync();
        b.Cancel(OrderActor.Customer(OrdersHarness.Alice, "Alice"), DateTime.UtcNow, "Changed my mind");

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => buyer.SaveChangesAsync());
        Assert.Equal(OrderStatus.Approved, (await h.Query.GetAsync(OrdersHarness.Alice, number))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ReorderAsync_OwnOrder_DraftHoldsItsDevicesPlansAndBuyer(string provider)
    {
        using var h = new OrdersHarness(provider);
        var number = (await h.Submission.SubmitAsync(OrdersHarness.Alice, h.Draft("SN-5", "SN-6"))).OrderNumber!;

        Assert.True(await h.Customer.ReorderAsync(OrdersHarness.Alice, number));

        var draft = await h.Drafts.LoadAsync(DraftOwner.User(OrdersHarness.Alice));
        Assert.NotNull(draft);
        Assert.Equal([new PurchaseDraftLine("SN-5", "EXT5"), new PurchaseDraftLine("SN-6", "EXT5")], draft.Lines);
        Assert.Equal(("FR", "EUR", "Lyon"), (draft.Country, draft.Currency, draft.InstallationAddress!.City));
    }

    [Fact]
    public async Task ReorderAsync_AnotherCustomersOrder_FalseAndNoDraft()
    {
        using var h = new OrdersHarness();
        var bobs = await h.PlaceAsync(OrdersHarness.Bob, "SN-7");
        Assert.False(await h.Customer.ReorderAsync(OrdersHarness.Alice, bobs));
        Assert.Null(await h.Drafts.LoadAsync(DraftOwner.User(OrdersHarness.Alice)));
    }
}
