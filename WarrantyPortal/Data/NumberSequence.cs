using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Data;

/// <summary>
/// The last number handed out in one series (e.g. <c>WE-20261123</c> for a day's orders, <c>WC-2026</c> for a year's
/// certificates); one row per series.
/// </summary>
public sealed class NumberSequence
{
    public string Key { get; set; } = "";

    public int LastValue { get; set; }
}

public sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> b)
    {
        b.ToTable("NumberSequences");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(32);
    }
}

/// <summary>
/// Gap-free numbers per series, for orders, certificates, invoices and credit notes. The increment is one UPDATE in the
/// caller's transaction: parallel callers, in one instance or several, queue on the row (PostgreSQL row lock, SQLite
/// write lock), and a rolled-back transaction gives its numbers back.
/// </summary>
public static class NumberSequences
{
    /// <summary>Creates the series' row if missing, in its own short operation, so the caller's transaction only updates.</summary>
    public static async Task EnsureAsync(IDbContextFactory<ApplicationDbContext> factory, string key, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.NumberSequences.AnyAsync(s => s.Key == key, ct)) return;
        db.NumberSequences.Add(new NumberSequence { Key = key, LastValue = 0 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another caller created the row first; it is there either way.
            await using var check = await factory.CreateDbContextAsync(ct);
            if (!await check.NumberSequences.AnyAsync(s => s.Key == key, ct)) throw;
        }
    }

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive numbers and returns the last one; call inside the transaction that
    /// saves what they number, after <see cref="EnsureAsync"/>. The UPDATE comes first so the transaction holds the write
    /// lock before it reads.
    /// </summary>
    public static async Task<int> ReserveAsync(ApplicationDbContext db, string key, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException($"Allocate {key} numbers inside the transaction that saves them.");
        var updated = await db.NumberSequences.Where(s => s.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastValue, x => x.LastValue + count), ct);
        if (updated != 1) throw new InvalidOperationException($"No number sequence {key}.");
        return await db.NumberSequences.AsNoTracking().Where(s => s.Key == key).Select(s => s.LastValue).SingleAsync(ct);
    }
}
