using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;

namespace WarrantyPortal.Features.Fulfilment;

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

    private static string Key(string series, int year) => $"{series}-{year}";

    /// <summary>Creates the series' counter row for the year if missing, in its own short operation.</summary>
    public static Task EnsureAsync(IDbContextFactory<ApplicationDbContext> factory, string series, int year, CancellationToken ct) =>
        NumberSequences.EnsureAsync(factory, Key(series, year), ct);

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive numbers; call inside the transaction that saves the documents, after
    /// <see cref="EnsureAsync"/>. The UPDATE comes first so the transaction holds the write lock before it reads.
    /// </summary>
    public static async Task<IReadOnlyList<string>> NextAsync(ApplicationDbContext db, string series, int year, int count, CancellationToken ct)
    {
        var last = await NumberSequences.ReserveAsync(db, Key(series, year), count, ct);
        return Enumerable.Range(last - count + 1, count).Select(v => Format(series, year, v)).ToList();
    }
}
