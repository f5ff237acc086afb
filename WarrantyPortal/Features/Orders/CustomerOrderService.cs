using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Notifications;

namespace WarrantyPortal.Features.Orders;

public enum CancelOutcome
{
    Cancelled,
    NotFound,

    /// <summary>The order is past the point where it can be cancelled (paid, closed).</summary>
    NotAllowed,

    /// <summary>Someone else changed the order meanwhile; reload and try again.</summary>
    Conflict,
}

/// <summary>What a customer does with their own orders: cancel one before paying, or order the same devices again.</summary>
public sealed class CustomerOrderService(
    IDbContextFactory<ApplicationDbContext> factory,
    PurchaseDraftService drafts,
    EmailOutbox outbox,
    OrderEmails emails,
    OrderChangeNotifier notifier,
    TimeProvider clock)
{
    public async Task<CancelOutcome> CancelAsync(string userId, string actorName, string number, string reason, CancellationToken ct = default)
    {
        var normalized = OrderNumber.Normalize(number);
        if (normalized is null) return CancelOutcome.NotFound;
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Number == normalized && o.CustomerUserId == userId, ct);
        if (order is null) return CancelOutcome.NotFound;
        if (!order.CanCancel) return CancelOutcome.NotAllowed;

        order.Cancel(OrderActor.Customer(userId, actorName), clock.GetUtcNow().UtcDateTime, reason);
        foreach (var admin in await OrderRecipients.AdminsAsync(db, ct))
        {
            outbox.Add(db, emails.CancelledNotice(order, admin.Email, admin.Name, admin.Culture));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CancelOutcome.Conflict;
        }
        notifier.Publish(order.Id);
        return CancelOutcome.Cancelled;
    }

    /// <summary>
    /// Puts this order's devices, plans and buyer details into the user's quick-purchase draft (replacing it).
    /// Prices and eligibility are checked again when the draft is opened. False when the order is not the user's.
    /// </summary>
    public async Task<bool> ReorderAsync(string userId, string number, CancellationToken ct = default)
    {
        var normalized = OrderNumber.Normalize(number);
        if (normalized is null) return false;
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Number == normalized && o.CustomerUserId == userId, ct);
        if (order is null) return false;
        var b = order.Buyer;
        await drafts.SaveAsync(DraftOwner.User(userId), new PurchaseDraftContent
        {
            Country = b.Country,
            Currency = order.Currency,
            FullName = b.FullName,
            Phone = b.Phone,
            Email = b.Email,
            PayerKind = b.PayerKind,
            PayerName = b.PayerName,
            TaxId = b.TaxId,
            InstallationAddress = b.InstallationAddress,
            BillingAddress = b.BillingAddress,
            Lines = order.Lines.OrderBy(l => l.Id).Select(l => new PurchaseDraftLine(l.SerialNumber, l.PlanCode)).ToList(),
        }, ct);
        return true;
    }
}
