using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Payments;

namespace WarrantyPortal.Features.Orders;

/// <summary>
/// Applies payment outcomes to orders. The order reference is the order's id. Every call is safe to repeat:
/// a change the order already has is skipped, and a remark the history already holds is not written again.
/// </summary>
public sealed class OrderPaymentSettlement(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    EmailOutbox outbox,
    OrderEmails emails,
    OrderChangeNotifier notifier,
    TimeProvider clock,
    ILogger<OrderPaymentSettlement> logger) : IPaymentSettlement
{
    /// <summary>The reference handed to the payments side for an order.</summary>
    public static string ReferenceOf(Order order) => order.Id.ToString();

    public Task PaymentSucceededAsync(string orderReference, Money amount, PaymentMethodKind method, string providerReference, string eventId, CancellationToken ct) =>
        ApplyAsync(orderReference, ct, async (db, order) =>
        {
            if (order.Status is OrderStatus.Paid or OrderStatus.Completed) return false;
            var expected = new Money(order.TotalMinor, order.Currency);
            if (amount.Minor != expected.Minor || !string.Equals(amount.Currency, expected.Currency, StringComparison.OrdinalIgnoreCase))
            {
                return Note(order, eventId, $"Payment of {amount.Format()} received by {method} ({providerReference}) does not match the order total {expected.Format()}: left unpaid for review.");
            }
            if (!order.CanPay)
            {
                return Note(order, eventId, $"Payment of {amount.Format()} received by {method} ({providerReference}) while the order is {order.Status}: needs review.");
            }
            order.MarkPaid(OrderActor.System, Now, $"{method} payment {providerReference}", method.ForOrder());
            outbox.Add(db, emails.PaymentReceived(order, await OrderRecipients.CultureOfAsync(db, order.CustomerUserId, ct)));
            return true;
        });

    public Task PaymentProcessingAsync(string orderReference, PaymentMethodKind method, string providerReference, string eventId, CancellationToken ct) =>
        ApplyAsync(orderReference, ct, (_, order) => Task.FromResult(order.Status == OrderStatus.Approved
            && (order.ChoosePaymentMethod(method.ForOrder())
                | Note(order, eventId, $"{method} payment started ({providerReference}): waiting for the bank's confirmation."))));

    public Task PaymentFailedAsync(string orderReference, PaymentMethodKind method, string reason, string providerReference, string eventId, CancellationToken ct) =>
        ApplyAsync(orderReference, ct, (_, order) => Task.FromResult(order.CanPay
            && Note(order, eventId, $"{method} payment failed ({providerReference}): {reason}")));

    // An unpaid checkout closing changes nothing for the order: it stays payable.
    public Task CheckoutExpiredAsync(string orderReference, string providerReference, string eventId, CancellationToken ct) => Task.CompletedTask;

    public Task RefundedAsync(string orderReference, Money totalRefunded, bool fully, string providerReference, string eventId, CancellationToken ct) =>
        ApplyAsync(orderReference, ct, (_, order) => Task.FromResult(
            Note(order, eventId, $"{(fully ? "Fully refunded" : "Partly refunded")}: {totalRefunded.Format()} in total ({providerReference}).")));

    public Task PaymentNeedsReviewAsync(string orderReference, Money expected, Money received, string providerReference, string eventId, CancellationToken ct) =>
        ApplyAsync(orderReference, ct, (_, order) => Task.FromResult(
            Note(order, eventId, $"Payment of {received.Format()} received where {expected.Format()} was expected ({providerReference}): left unpaid for review.")));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Adds the remark unless the history already holds it (the same fact reported again).</summary>
    private bool Note(Order order, string eventId, string remark)
    {
        if (order.History.Any(h => string.Equals(h.Remark, remark, StringComparison.Ordinal)))
        {
            logger.LogDebug("Payment event {EventId} for order {Order} is already recorded", eventId, order.Number);
            return false;
        }
        order.Note(OrderActor.System, Now, remark);
        return true;
    }

    private async Task ApplyAsync(string orderReference, CancellationToken ct, Func<ApplicationDbContext, Order, Task<bool>> change)
    {
        if (!Guid.TryParse(orderReference, out var id))
        {
            logger.LogWarning("Payment event for unknown order reference {Reference}", orderReference);
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Orders.Include(o => o.Lines).Include(o => o.History).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            logger.LogWarning("Payment event for unknown order {OrderId}", id);
            return;
        }
        if (!await change(db, order)) return;
        await db.SaveChangesAsync(ct);
        notifier.Publish(order.Id);
    }
}
