using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Orders;

public class OrderPaymentSettlementTests
{
    private static OrderPaymentSettlement Settlement(OrdersHarness h) => new(h.Db, new EmailOutbox(new OutboxSignal(), h.Clock),
        new OrderEmails(new EmailComposer(Options.Create(new PortalOptions())), h.Localizer, Options.Create(new PortalOptions()), Options.Create(new MailOptions())),
        h.Notifier, h.Clock, NullLogger<OrderPaymentSettlement>.Instance);

    private static async Task<(string Number, string Reference, Money Total)> ApprovedAsync(OrdersHarness h)
    {
        var number = await h.PlaceAsync(OrdersHarness.Alice, "SN-" + Guid.NewGuid().ToString("N")[..6]);
        await using var db = h.Db.CreateDbContext();
        var order = await db.Orders.SingleAsync(o => o.Number == number);
        order.Approve(OrderActor.Admin(OrdersHarness.AdminId, "Ada"), h.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return (number, OrderPaymentSettlement.ReferenceOf(order), new Money(order.TotalMinor, order.Currency));
    }

    private static async Task<Order> LoadAsync(OrdersHarness h, string number)
    {
        await using var db = h.Db.CreateDbContext();
        return await db.Orders.AsNoTracking().Include(o => o.History).SingleAsync(o => o.Number == number);
    }

    private static async Task<int> PaidEmailsAsync(OrdersHarness h, string number)
    {
        await using var db = h.Db.CreateDbContext();
        return await db.OutboxMessages.CountAsync(m => m.Kind == "order-paid" && m.Reference == number);
    }

    [Fact]
    public async Task PaymentSucceededAsync_ExactTotal_OrderPaidEmailQueuedAndPagesTold()
    {
        using var h = new OrdersHarness();
        var (number, reference, total) = await ApprovedAsync(h);
        var told = new TaskCompletionSource();
        using var _ = h.Notifier.Subscribe(Guid.Parse(reference), () => { told.TrySetResult(); return Task.CompletedTask; });

        await Settlement(h).PaymentSucceededAsync(reference, total, PaymentMethodKind.Card, "pi_1", "evt_1", default);

        var order = await LoadAsync(h, number);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.NotNull(order.PaidAtUtc);
        Assert.Equal(PaymentMethod.Card, order.PaymentMethod);
        Assert.Equal(1, await PaidEmailsAsync(h, number));
        await told.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task PaymentProcessingAsync_StripeBankTransfer_OrderShowsTheMethodThenPaidKeepsIt()
    {
        using var h = new OrdersHarness();
        var (number, reference, total) = await ApprovedAsync(h);
        var s = Settlement(h);

        await s.PaymentProcessingAsync(reference, PaymentMethodKind.EuBankTransfer, "pi_9", "evt_p", default);
        Assert.Equal(PaymentMethod.EuBankTransfer, (await LoadAsync(h, number)).PaymentMethod);

        await s.PaymentSucceededAsync(reference, total, PaymentMethodKind.EuBankTransfer, "pi_9", "evt_s", default);
        await s.PaymentProcessingAsync(reference, PaymentMethodKind.Alipay, "pi_late", "evt_late", default);

        var order = await LoadAsync(h, number);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(PaymentMethod.EuBankTransfer, order.PaymentMethod);
    }

    [Fact]
    public async Task PaymentSucceededAsync_SameEventThreeTimes_PaidOnceOneEmail()
    {
        using var h = new OrdersHarness();
        var (number, reference, total) = await ApprovedAsync(h);
        var s = Settlement(h);

        for (var i = 0; i < 3; i++) await s.PaymentSucceededAsync(reference, total, PaymentMethodKind.Card, "pi_1", "evt_1", default);

        var order = await LoadAsync(h, number);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Single(order.History, c => c.ToStatus == OrderStatus.Paid);
        Assert.Equal(1, await PaidEmailsAsync(h, number));
    }

    [Fact]
    public async Task PaymentSucceededAsync_AmountDiffers_LeftUnpaidWithReviewRemarkOnce()
    {
        using var h = new OrdersHarness();
        var (number, reference, total) = await ApprovedAsync(h);
        var s = Settlement(h);

        await s.PaymentSucceededAsync(reference, new Money(total.Minor - 1, total.Currency), PaymentMethodKind.Card, "pi_1", "evt_1", default);
        await s.PaymentSucceededAsync(reference, new Money(total.Minor - 1, total.Currency), PaymentMethodKind.Card, "pi_1", "evt_1", default);

        var order = await LoadAsync(h, number);
        Assert.Equal(OrderStatus.Approved, order.Status);
        Assert.Single(order.History, c => c.Remark?.Contains("review", StringComparison.Ordinal) == true);
        Assert.Equal(0, await PaidEmailsAsync(h, number));
    }

    [Fact]
    public async Task PaymentSucceededAsync_OtherCurrency_LeftUnpaid()
    {
        using var h = new OrdersHarness();
        var (number, reference, total) = await ApprovedAsync(h);

        await Settlement(h).PaymentSucceededAsync(reference, new Money(total.Minor, "USD"), PaymentMethodKind.Card, "pi_1", "evt_1", default);

        Assert.Equal(OrderStatus.Approved, (await LoadAsync(h, number)).Status);
    }

    [Fact]
    public async Task PaymentSucceededAsync_AwaitingTransfer_OrderPaid()
    {
        using var h = new OrdersHarness();
        var (number, reference, total) = await ApprovedAsync(h);
        await using (var db = h.Db.CreateDbContext())
        {
            (await db.Orders.SingleAsync(o => o.Number == number)).MarkAwaitingTransfer(OrderActor.System, DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await Settlement(h).PaymentSucceededAsync(reference, total, PaymentMethodKind.EuBankTransfer, "pi_2", "evt_2", default);

        Assert.Equal(OrderStatus.Paid, (await LoadAsync(h, number)).Status);
    }

    [Fact]
    public async Task PaymentFailedAndExpired_ApprovedOrder_StaysPayable()
    {
        using var h = new OrdersHarness();
        var (number, reference, _) = await ApprovedAsync(h);
        var s = Settlement(h);

        await s.PaymentProcessingAsync(reference, PaymentMethodKind.EuBankTransfer, "pi_3", "evt_p", default);
        await s.PaymentFailedAsync(reference, PaymentMethodKind.EuBankTransfer, "insufficient funds", "pi_3", "evt_f", default);
        await s.CheckoutExpiredAsync(reference, "cs_3", "evt_x", default);

        var order = await LoadAsync(h, number);
        Assert.Equal(OrderStatus.Approved, order.Status);
        Assert.True(order.CanPay);
        Assert.Contains(order.History, c => c.Remark?.Contains("insufficient funds", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task RefundedAsync_PaidOrder_RemarkRecordedOncePerEvent()
    {
        using var h = new OrdersHarness();
        var (number, reference, total) = await ApprovedAsync(h);
        var s = Settlement(h);
        await s.PaymentSucceededAsync(reference, total, PaymentMethodKind.Card, "pi_1", "evt_1", default);

        await s.RefundedAsync(reference, total, true, "pi_1", "evt_r", default);
        await s.RefundedAsync(reference, total, true, "pi_1", "evt_r", default);

        var order = await LoadAsync(h, number);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Single(order.History, c => c.Remark?.StartsWith("Fully refunded", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task PaymentNeedsReviewAsync_ApprovedOrder_UnpaidWithRemark()
    {
        using var h = new OrdersHarness();
        var (number, reference, total) = await ApprovedAsync(h);

        await Settlement(h).PaymentNeedsReviewAsync(reference, total, new Money(1, total.Currency), "pi_4", "evt_4", default);

        var order = await LoadAsync(h, number);
        Assert.Equal(OrderStatus.Approved, order.Status);
        Assert.Contains(order.History, c => c.Remark?.Contains("for review", StringComparison.Ordinal) == true);
    }
}
