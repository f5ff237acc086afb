using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WarrantyPortal.Data;

namespace WarrantyPortal.Features.Fulfilment;

/// <summary>The last number handed out in one series and year (e.g. key <c>WC-2026</c>); one row per series and year.</summary>
public sealed class DocumentSequence
{
    public string Key { get; set; } = "";

    public int LastValue { get; set; }
}

public sealed class DocumentSequenceConfiguration : IEntityTypeConfiguration<DocumentSequence>
{
    public void Configure(EntityTypeBuilder<DocumentSequence> b)
    {
        b.ToTable("DocumentSequences");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(16);
    }
}

/// <summary>
/// Gap-free numbers per series and year (<c>WC-2026-000123</c>, <c>INV-2026-000001</c>). The increment is one UPDATE in the
/// caller's transaction: parallel callers queue on the row, and a rolled-back transaction gives its numbers back.
/// </summary>
public static class DocumentNumbers
{
    public const string Certificate = "WC";
    public const string Invoice = "INV";
    public const string CreditNote = "CN";

    public static string Format(string series, int year, int value) => $"{series}-{year}-{value:000000}";

    /// <summary>Creates the series' counter row for the year if missing, in its own short operation.</summary>
    public static async Task EnsureAsync(IDbContextFactory<ApplicationDbContext> factory, string series, int year, CancellationToken ct)
    {
        var key = $"{series}-{year}";
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.DocumentSequences.AnyAsync(s => s.Key == key, ct)) return;
        db.DocumentSequences.Add(new DocumentSequence { Key = key, LastValue = 0 });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await using var check = await factory.CreateDbContextAsync(ct);
            if (!await check.DocumentSequences.AnyAsync(s => s.Key == key, ct)) throw;
        }
    }

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive numbers; call inside the transaction that saves the documents, after
    /// <see cref="EnsureAsync"/>. The UPDATE comes first so the transaction holds the write lock before it reads.
    /// </summary>
    public static async Task<IReadOnlyList<string>> NextAsync(ApplicationDbContext db, string series, int year, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Allocate document numbers inside the transaction that saves the documents.");
        var key = $"{series}-{year}";
        var updated = await db.DocumentSequences.Where(s => s.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastValue, x => x.LastValue + count), ct);
        if (updated != 1) throw new InvalidOperationException($"No document number counter for {key}.");
        var last = await db.DocumentSequences.AsNoTracking().Where(s => s.Key == key).Select(s => s.LastValue).SingleAsync(ct);
        return Enumerable.Range(last - count + 1, count).Select(v => Format(series, year, v)).ToList();
    }
}
