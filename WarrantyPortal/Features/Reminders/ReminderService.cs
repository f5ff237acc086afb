using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Fulfilment;
using WarrantyPortal.Features.Notifications;

namespace WarrantyPortal.Features.Reminders;

/// <summary>A device its owner is reminded about, and the day the reminder is about.</summary>
public sealed record DueReminder(MyDevice Device, ReminderKind Kind, DateOnly DueDate);

/// <summary>
/// Once a day, emails each owner about their devices (as My devices lists them) whose last day to buy an extension, or
/// whose cover's end, comes within the configured lead. One email per owner per day lists them all; each reminder is
/// recorded with it, in one transaction, so it goes exactly once, also with several instances.
/// </summary>
public sealed class ReminderService(
    IDbContextFactory<ApplicationDbContext> factory,
    MyDevicesQuery devices,
    ReminderEmails emails,
    EmailOutbox outbox,
    IOptions<ReminderOptions> options,
    TimeProvider clock,
    ILogger<ReminderService> logger)
{
    private static readonly OrderStatus[] Placed =
        [OrderStatus.Submitted, OrderStatus.Approved, OrderStatus.AwaitingTransfer, OrderStatus.Paid, OrderStatus.Completed,
         OrderStatus.Rejected, OrderStatus.Cancelled, OrderStatus.Expired];

    private readonly string _instance = InstanceName();

    /// <summary>
    /// Today's run if it is still to do and no other instance holds it: the number of emails queued, or null when there
    /// was nothing to do (already done today, held elsewhere, or switched off).
    /// </summary>
    public async Task<int?> RunOnceAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        if (!o.Enabled) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        if (!await ClaimAsync(today, now, ct)) return null;

        var sent = 0;
        var lastRenewal = now;
        foreach (var userId in await OwnersAsync(ct))
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (await RemindAsync(userId, today, ct)) sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One owner's devices (e.g. a registry that does not answer) must not stop the others' reminders:
                // theirs are tried again on the next run, as nothing was recorded.
                logger.LogWarning(e, "Reminders for {UserId} not sent this time", userId);
            }
            if (clock.GetUtcNow().UtcDateTime - lastRenewal > o.Lease / 3)
            {
                lastRenewal = clock.GetUtcNow().UtcDateTime;
                await RenewAsync(today, lastRenewal + o.Lease, ct);
            }
        }

        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            var done = clock.GetUtcNow().UtcDateTime;
            await db.ReminderRuns.Where(r => r.Day == today && r.ClaimedBy == _instance)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CompletedAtUtc, done).SetProperty(r => r.EmailsSent, sent), ct);
        }
        logger.LogInformation("Device reminders for {Day}: {Count} emails", today, sent);
        return sent;
    }

    private static string InstanceName()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length > 100 ? name[^100..] : name;
    }

    /// <summary>What is due for these devices today: each device's window closing or cover ending within its lead.</summary>
    public static IReadOnlyList<DueReminder> Due(IEnumerable<MyDevice> devices, DateOnly today, ReminderOptions o)
    {
        var due = new List<DueReminder>();
        foreach (var d in devices)
        {
            if (d.ExtendUntil is { } until && until >= today && until <= today.AddDays(o.PurchaseWindowLeadDays))
            {
                due.Add(new DueReminder(d, ReminderKind.PurchaseWindow, until));
            }
            if (d.CoverageEnd >= today && d.CoverageEnd <= today.AddDays(o.WarrantyEndLeadDays))
            {
                due.Add(new DueReminder(d, ReminderKind.WarrantyEnd, d.CoverageEnd));
            }
        }
        return due;
    }

    private async Task<bool> ClaimAsync(DateOnly today, DateTime now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (!await db.ReminderRuns.AnyAsync(r => r.Day == today, ct))
        {
            db.ReminderRuns.Add(new ReminderRun { Day = today });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); } // another instance made the row first: both now try to claim it
        }
        var until = now + options.Value.Lease;
        var claimed = await db.ReminderRuns
            .Where(r => r.Day == today && r.CompletedAtUtc == null && (r.ClaimedUntilUtc == null || r.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedBy, _instance).SetProperty(r => r.ClaimedUntilUtc, until), ct);
        return claimed == 1;
    }

    private async Task RenewAsync(DateOnly today, DateTime until, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.ReminderRuns.Where(r => r.Day == today && r.ClaimedBy == _instance)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedUntilUtc, until), ct);
    }

    /// <summary>Accounts that ordered cover for devices and did not unsubscribe.</summary>
    private async Task<List<string>> OwnersAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Orders.Where(o => Placed.Contains(o.Status)).Select(o => o.CustomerUserId).Distinct()
            .Where(id => db.Users.Any(u => u.Id == id && u.Email != null && u.EmailConfirmed))
            .Where(id => !db.ReminderPreferences.Any(p => p.UserId == id && p.Unsubscribed))
            .OrderBy(id => id)
            .ToListAsync(ct);
    }

    private async Task<bool> RemindAsync(string userId, DateOnly today, CancellationToken ct)
    {
        var due = Due(await devices.ListAsync(userId, ct), today, options.Value);
        if (due.Count == 0) return false;

        await using var db = await factory.CreateDbContextAsync(ct);
        var serials = due.Select(d => d.Device.SerialNumber).Distinct().ToList();
        var sentBefore = (await db.DeviceReminders.AsNoTracking()
                .Where(r => r.UserId == userId && serials.Contains(r.SerialNumber))
                .Select(r => new { r.SerialNumber, r.Kind, r.DueDate }).ToListAsync(ct))
            .Select(r => (r.SerialNumber, r.Kind, r.DueDate)).ToHashSet();
        due = due.Where(d => !sentBefore.Contains((d.Device.SerialNumber, d.Kind, d.DueDate))).ToList();
        if (due.Count == 0) return false;

        var owner = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.FullName, u.PreferredCulture }).SingleAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var message = outbox.Add(db, emails.Reminder(userId, owner.Email!, owner.FullName, owner.PreferredCulture, due));
        await db.SaveChangesAsync(ct);
        db.DeviceReminders.AddRange(due.Select(d => new DeviceReminder
        {
            UserId = userId, SerialNumber = d.Device.SerialNumber, Kind = d.Kind, DueDate = d.DueDate, SentAtUtc = now, OutboxMessageId = message.Id,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance recorded (and queued) these reminders first: the email goes once, theirs.
            await tx.RollbackAsync(ct);
            return false;
        }
    }
}
