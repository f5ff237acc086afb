using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Orders;

/// <summary>
/// Hands out order numbers from a counter row per day. The increment is a single UPDATE inside the caller's
/// transaction: concurrent submits queue on that row (PostgreSQL row lock, SQLite write lock), so no two get the same number.
/// </summary>
public sealed class OrderNumberAllocator(IDbContextFactory<ApplicationDbContext> factory)
{
    /// <summary>Creates the day's counter row if missing, in its own short operation, so the submit transaction only updates.</summary>
    public async Task EnsureDayAsync(DateTime atUtc, CancellationToken ct)
    {
        var day = OrderNumber.DayKey(DateOnly.FromDateTime(atUtc));
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.OrderNumberCounters.AnyAsync(c => c.Day == day, ct)) return;
        db.OrderNumberCounters.Add(new OrderNumberCounter { Day = day, LastValue = 0 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another submit created the row first; it is there either way.
            await using var check = await factory.CreateDbContextAsync(ct);
            if (!await check.OrderNumberCounters.AnyAsync(c => c.Day == day, ct)) throw;
        }
    }

    /// <summary>The next number for the day of <paramref name="atUtc"/>; call inside a transaction on <paramref name="db"/> after <see cref="EnsureDayAsync"/>.</summary>
    public static async Task<string> NextAsync(ApplicationDbContext db, DateTime atUtc, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Allocate order numbers inside the transaction that saves the order.");
        var date = DateOnly.FromDateTime(atUtc);
        var day = OrderNumber.DayKey(date);
        var updated = await db.OrderNumberCounters.Where(c => c.Day == day)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastValue, c => c.LastValue + 1), ct);
        if (updated != 1) throw new InvalidOperationException($"No order number counter for {day}.");
        var value = await db.OrderNumberCounters.AsNoTracking().Where(c => c.Day == day).Select(c => c.LastValue).SingleAsync(ct);
        return OrderNumber.Format(date, value);
    }
}
