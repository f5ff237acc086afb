using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Payments;

namespace WarrantyPortal.Features.Orders;

/// <summary>What the payment page shows for one order; <paramref name="Lines"/> are shown to visitors who came by a link.</summary>
public sealed record OrderPayView(Guid Id, string Number, OrderStatus Status, Money Amount, bool CanPay, IReadOnlyList<PaymentMethodKind> Methods,
    IReadOnlyList<OrderLineView> Lines, OrderTotals Totals);

/// <summary>
/// Who opens the payment page: a signed-in customer (their own orders, found by number) or a visitor holding a
/// payment link (that one order alone).
/// </summary>
public sealed record OrderAccess(string? UserId, Guid? LinkedOrderId, string ActorName)
{
    public static OrderAccess Customer(string userId, string name) => new(userId, null, name);

    public static OrderAccess ByLink(Guid orderId) => new(null, orderId, "");

    public bool IsLink => LinkedOrderId is not null;
}

public enum PayOutcome
{
    Redirect,
    NotFound,
    NotPayable,
    Unavailable,
}

/// <summary>The result of choosing a method: where to go (a checkout), or the bank details to show.</summary>
public sealed record PayResult(PayOutcome Outcome, string? RedirectUrl = null, BankTransferDetails? Transfer = null);

/// <summary>
/// The payment page's work for a customer's own order (or the order a payment link opens): which methods fit, opening a checkout when a method is chosen
/// (never earlier), and wire transfer (the order waits for the money and the instructions are emailed once).
/// </summary>
public sealed class OrderPaymentService(
    IDbContextFactory<ApplicationDbContext> factory,
    CheckoutService checkout,
    PaymentMethodCatalog catalog,
    BankTransferInstructions transfer,
    EmailOutbox outbox,
    OrderChangeNotifier notifier,
    TimeProvider clock,
    ILogger<OrderPaymentService> logger)
{
    public async Task<OrderPayView?> GetAsync(OrderAccess access, string number, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await FindAsync(db, access, number, tracking: false, ct);
        return order is null ? null : new OrderPayView(order.Id, order.Number!, order.Status, new Money(order.TotalMinor, order.Currency),
            order.CanPay, catalog.For(order.Currency, order.Buyer.Country).Where(m => m != PaymentMethodKind.EuBankTransfer || order.Status == OrderStatus.Approved).ToList(),
            order.Lines.Select(l => OrderLineView.From(l, order.Currency)).ToList(), order.Totals);
    }

    /// <summary>Opens (or reuses) a checkout for a card or Alipay payment and returns the provider's address.</summary>
    public async Task<PayResult> StartCheckoutAsync(OrderAccess access, string number, PaymentMethodKind method, string culture, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await FindAsync(db, access, number, tracking: false, ct);
        if (order is null) return new PayResult(PayOutcome.NotFound);
        if (!order.CanPay || !catalog.Allows(method, order.Currency, order.Buyer.Country) || method == PaymentMethodKind.WireTransfer)
        {
            return new PayResult(PayOutcome.NotPayable);
        }
        try
        {
            // A visitor with a link comes back to the payment status page: the order's own pages need a sign-in.
            var start = await checkout.StartAsync(RequestFor(order, culture, access.IsLink ? null : $"/orders/{order.Number}/pay"), method, ct);
            await RememberMethodAsync(order.Id, method.ForOrder(), ct);
            return new PayResult(PayOutcome.Redirect, start.RedirectUrl);
        }
        catch (PaymentUnavailableException ex)
        {
            logger.LogWarning(ex, "Checkout for order {Order} could not be opened", order.Number);
            return new PayResult(PayOutcome.Unavailable);
        }
    }

    /// <summary>Shows the bank details; the first time, the order starts waiting for the transfer and the instructions are emailed.</summary>
    public async Task<PayResult> ChooseWireTransferAsync(OrderAccess access, string number, string culture, string orderUrl, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await FindAsync(db, access, number, tracking: true, ct);
        if (order is null) return new PayResult(PayOutcome.NotFound);
        if (!order.CanPay || !catalog.Allows(PaymentMethodKind.WireTransfer, order.Currency, order.Buyer.Country)) return new PayResult(PayOutcome.NotPayable);

        var amount = new Money(order.TotalMinor, order.Currency);
        var now = clock.GetUtcNow().UtcDateTime;
        if (order.Status == OrderStatus.AwaitingTransfer)
        {
            var since = order.History.LastOrDefault(h => h.ToStatus == OrderStatus.AwaitingTransfer)?.AtUtc ?? now;
            return new PayResult(PayOutcome.Redirect, Transfer: transfer.For(order.Number!, amount, since));
        }
        order.MarkAwaitingTransfer(access.IsLink ? OrderActor.Customer(order.CustomerUserId, order.Buyer.FullName) : OrderActor.Customer(access.UserId!, access.ActorName),
            now, access.IsLink ? "Chosen through the payment link" : null);
        TransferFollowUps.Start(db, order.Id, now);
        outbox.Add(db, transfer.ComposeEmail(order.Buyer.Email, order.Buyer.FullName, culture, order.Number!, amount, now, orderUrl));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new PayResult(PayOutcome.NotPayable);
        }
        notifier.Publish(order.Id);
        return new PayResult(PayOutcome.Redirect, Transfer: transfer.For(order.Number!, amount, now));
    }

    /// <summary>
    /// The order now shows the method the customer is paying with. It is not an order change an admin could collide
    /// with (the version stays), and a concurrent change simply wins: the payment's outcome records the method again.
    /// </summary>
    private async Task RememberMethodAsync(Guid orderId, PaymentMethod method, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null || !order.ChoosePaymentMethod(method)) return;
        try
        {
            await db.SaveChangesAsync(ct);
            notifier.Publish(orderId);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogInformation(ex, "Order {OrderId} changed while its payment method was recorded", orderId);
        }
    }

    /// <summary>The order as the checkout sees it: one line per device at its net price, then the VAT, adding up to the total.</summary>
    public static PaymentRequest RequestFor(Order order, string culture, string? cancelUrl = null)
    {
        var totals = order.Totals;
        var lines = order.Lines.Select(l => new PaymentLine($"{l.PlanName} · {l.ProductModel} · {l.SerialNumber}", l.UnitPriceMinor, l.Quantity)).ToList();
        if (totals.VatTotal.Minor > 0) lines.Add(new PaymentLine("VAT", totals.VatTotal.Minor, 1));
        return new PaymentRequest(OrderPaymentSettlement.ReferenceOf(order), order.Number!, order.Buyer.Email, order.Currency, lines,
            new Money(order.TotalMinor, order.Currency), SuccessUrl: null, CancelUrl: cancelUrl,
            Country: order.Buyer.Country, CustomerName: order.Buyer.FullName, Culture: culture);
    }

    private static async Task<Order?> FindAsync(ApplicationDbContext db, OrderAccess access, string number, bool tracking, CancellationToken ct)
    {
        var normalized = OrderNumber.Normalize(number);
        if (normalized is null) return null;
        var query = (tracking ? db.Orders : db.Orders.AsNoTracking()).AsSplitQuery().Include(o => o.Lines).Include(o => o.History)
            .Where(o => o.Number == normalized);
        query = access.LinkedOrderId is { } id ? query.Where(o => o.Id == id) : query.Where(o => o.CustomerUserId == access.UserId);
        return await query.SingleOrDefaultAsync(ct);
    }
}
