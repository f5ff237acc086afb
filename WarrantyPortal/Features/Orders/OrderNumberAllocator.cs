using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Orders;

/// <summary>
/// Hands out order numbers from one number sequence per day (<see cref="NumberSequences"/>): concurrent submits queue on
/// that row inside their transaction, so no two get the same number and a failed submit gives its number back.
/// </summary>
public sealed class OrderNumberAllocator(IDbContextFactory<ApplicationDbContext> factory)
{
    /// <summary>Creates the day's counter row if missing, in its own short operation, so the submit transaction only updates.</summary>
    public Task EnsureDayAsync(DateTime atUtc, CancellationToken ct) => NumberSequences.EnsureAsync(factory, Key(DateOnly.FromDateTime(atUtc)), ct);

    /// <summary>The next number for the day of <paramref name="atUtc"/>; call inside a transaction on <paramref name="db"/> after <see cref="EnsureDayAsync"/>.</summary>
    public static async Task<string> NextAsync(ApplicationDbContext db, DateTime atUtc, CancellationToken ct)
    {
        var date = DateOnly.FromDateTime(atUtc);
        return OrderNumber.Format(date, await NumberSequences.ReserveAsync(db, Key(date), 1, ct));
    }

    /// <summary>The sequence of one day's orders, e.g. <c>WE-20261123</c>.</summary>
    public static string Key(DateOnly day) => $"{OrderNumber.Prefix}-{OrderNumber.DayKey(day)}";
}
