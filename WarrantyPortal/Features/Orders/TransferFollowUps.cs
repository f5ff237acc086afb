using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Orders;

/// <summary>Wakes the transfer follow-up worker (at start, and when asked).</summary>
public sealed class TransferFollowUpSignal : WorkSignal;

/// <summary>What one run of the follow-up did.</summary>
public sealed record TransferFollowUpRun(int Reminded, int Expired);

/// <summary>
/// Orders waiting for a wire transfer: a reminder with the bank details after Payments:BankTransfer:ReminderAfterDays,
/// and after ExpireAfterDays the order expires and the customer is told. Each step is claimed by a conditional update of
/// the order's follow-up row inside the transaction that queues its email, so with several instances it happens once.
/// </summary>
public sealed class TransferFollowUps(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    BankTransferInstructions instructions,
    IOptions<BankTransferOptions> options,
    IOptions<PortalOptions> portal,
    EmailOutbox outbox,
    OrderChangeNotifier notifier,
    TimeProvider clock,
    ILogger<TransferFollowUps> logger)
{
    /// <summary>Starts following an order that has just started waiting for a transfer; saved with the caller's changes.</summary>
    public static void Start(ApplicationDbContext db, Guid orderId, DateTime instructedAtUtc) =>
        db.TransferFollowUps.Add(new TransferFollowUp { OrderId = orderId, InstructedAtUtc = instructedAtUtc });

    public async Task<TransferFollowUpRun> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await EnlistAsync(now, ct);
        await CloseSettledAsync(now, ct);
        var o = options.Value;
        var expired = 0;
        foreach (var id in await DueAsync(now.AddDays(-o.ExpireAfterDays), remindedOnly: false, ct))
        {
            if (await ExpireAsync(id, ct)) expired++;
        }
        var reminded = 0;
        foreach (var id in await DueAsync(now.AddDays(-o.ReminderAfterDays), remindedOnly: true, ct))
        {
            if (await RemindAsync(id, ct)) reminded++;
        }
        return new TransferFollowUpRun(reminded, expired);
    }

    /// <summary>Orders waiting for a transfer without a follow-up (demo data, or moved there by an admin) get one.</summary>
    private async Task EnlistAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var missing = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatus.AwaitingTransfer && !db.TransferFollowUps.Any(f => f.OrderId == o.Id))
            .OrderBy(o => o.Id)
            .Select(o => new
            {
                o.Id,
                Since = o.History.Where(h => h.ToStatus == OrderStatus.AwaitingTransfer).Max(h => (DateTime?)h.AtUtc),
            })
            .Take(100)
            .ToListAsync(ct);
        foreach (var m in missing)
        {
            await using var insert = await dbFactory.CreateDbContextAsync(ct);
            Start(insert, m.Id, m.Since ?? now);
            try
            {
                await insert.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance enlisted it first.
            }
        }
    }

    /// <summary>Follow-ups of orders paid or cancelled meanwhile end without an email.</summary>
    private async Task CloseSettledAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.TransferFollowUps
            .Where(f => f.ClosedAtUtc == null && db.Orders.Any(o => o.Id == f.OrderId && o.Status != OrderStatus.AwaitingTransfer))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ClosedAtUtc, now), ct);
    }

    private async Task<List<Guid>> DueAsync(DateTime instructedBy, bool remindedOnly, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = db.TransferFollowUps.AsNoTracking().Where(f => f.ClosedAtUtc == null && f.InstructedAtUtc <= instructedBy);
        if (remindedOnly) open = open.Where(f => f.ReminderSentAtUtc == null);
        return await open.OrderBy(f => f.InstructedAtUtc).Select(f => f.OrderId).Take(50).ToListAsync(ct);
    }

    private async Task<bool> RemindAsync(Guid orderId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The claim: only one instance sees the row change; its email is queued in the same transaction.
        var claimed = await db.TransferFollowUps
            .Where(f => f.OrderId == orderId && f.ReminderSentAtUtc == null && f.ClosedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ReminderSentAtUtc, now), ct);
        if (claimed != 1) return false;
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is not { Status: OrderStatus.AwaitingTransfer })
        {
            await tx.RollbackAsync(ct);
            return false;
        }
        var instructedAt = await db.TransferFollowUps.Where(f => f.OrderId == orderId).Select(f => f.InstructedAtUtc).SingleAsync(ct);
        var culture = await OrderRecipients.CultureOfAsync(db, order.CustomerUserId, ct);
        outbox.Add(db, instructions.ComposeReminder(order.Buyer.Email, order.Buyer.FullName, culture, order.Number!,
            new Money(order.TotalMinor, order.Currency), instructedAt, OrderUrl(order)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Reminded the customer of order {Order} about the wire transfer", order.Number);
        return true;
    }

    private async Task<bool> ExpireAsync(Guid orderId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.TransferFollowUps
            .Where(f => f.OrderId == orderId && f.ClosedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ClosedAtUtc, now), ct);
        if (claimed != 1) return false;
        var order = await db.Orders.Include(o => o.History).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is not { Status: OrderStatus.AwaitingTransfer })
        {
            // Paid or cancelled meanwhile: the follow-up simply ends.
            await tx.CommitAsync(ct);
            return false;
        }
        var instructedAt = await db.TransferFollowUps.Where(f => f.OrderId == orderId).Select(f => f.InstructedAtUtc).SingleAsync(ct);
        var days = options.Value.ExpireAfterDays;
        order.Expire(now, $"No transfer received within {days} days of the instructions");
        var culture = await OrderRecipients.CultureOfAsync(db, order.CustomerUserId, ct);
        outbox.Add(db, instructions.ComposeExpired(order.Buyer.Email, order.Buyer.FullName, culture, order.Number!,
            new Money(order.TotalMinor, order.Currency), instructedAt, OrderUrl(order)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An admin recorded the transfer at this very moment: theirs wins, the next run closes the follow-up.
            await tx.RollbackAsync(ct);
            return false;
        }
        await tx.CommitAsync(ct);
        notifier.Publish(order.Id);
        logger.LogInformation("Order {Order} expired: no wire transfer within {Days} days", order.Number, days);
        return true;
    }

    private string OrderUrl(Order o) => $"{portal.Value.PublicBaseUrl.TrimEnd('/')}/orders/{o.Number}";
}

/// <summary>Runs the transfer follow-up at start, whenever signalled, and every few minutes.</summary>
public sealed class TransferFollowUpWorker(TransferFollowUps followUps, TransferFollowUpSignal signal, WorkerHealth health, ILogger<TransferFollowUpWorker> logger)
    : SignalledWorker(signal, health, logger)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(5);

    protected override TimeSpan PollEvery => PollInterval;

    protected override string Work => "Wire transfer follow-up";

    protected override Task RunPassAsync(CancellationToken ct) => followUps.RunOnceAsync(ct);
}
