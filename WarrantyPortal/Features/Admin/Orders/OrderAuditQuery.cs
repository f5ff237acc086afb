using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Admin.Orders;

public enum OrderAuditSort
{
    SubmittedAt,
    Number,
    Status,
    Customer,
    Company,
    Country,
    Currency,
    PaymentMethod,
    Total,
}

/// <summary>
/// What the audit grid is narrowed to. Text filters match anywhere, ignoring case; totals are in minor units;
/// <see cref="SubmittedToUtc"/> is exclusive. Drafts are never shown.
/// </summary>
public sealed record OrderAuditFilter
{
    public string? Number { get; init; }
    public OrderStatus? Status { get; init; }
    public DateTime? SubmittedFromUtc { get; init; }
    public DateTime? SubmittedToUtc { get; init; }
    public string? Customer { get; init; }
    public string? Company { get; init; }
    public string? Country { get; init; }
    public string? Currency { get; init; }
    public PaymentMethod? PaymentMethod { get; init; }
    public long? TotalFromMinor { get; init; }
    public long? TotalToMinor { get; init; }
    /// <summary>Orders holding a device whose serial number starts with this (as typed, or normalised: spaces and dashes removed).</summary>
    public string? SerialNumber { get; init; }
}

public sealed record OrderAuditRow(Guid Id, string Number, OrderStatus Status, DateTime? SubmittedAtUtc, string Customer, string Email,
    string? Company, string Country, Money Total, int LineCount, Guid Version, PaymentMethod? PaymentMethod = null,
    Domain.Catalog.VatCheckOutcome? VatCheck = null);

public sealed record OrderAuditResult(IReadOnlyList<OrderAuditRow> Rows, int Total);

/// <summary>A page of the grid with the per-status counts under the other filters (the status chips).</summary>
public sealed record OrderAuditPageResult(IReadOnlyList<OrderAuditRow> Rows, int Total, IReadOnlyDictionary<OrderStatus, int> CountByStatus);

/// <summary>
/// The order-audit grid's reads: every filter and sort becomes SQL, so a page costs the same few statements whatever
/// the number of orders (a count, the page, and the per-status counts).
/// </summary>
public sealed class OrderAuditQuery(IDbContextFactory<ApplicationDbContext> factory)
{
    public const int MaxExportRows = 100_000;

    public async Task<OrderAuditResult> RunAsync(OrderAuditFilter filter, OrderAuditSort sort, bool descending, int skip, int take,
        CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var total = await Apply(db, filter).CountAsync(ct);
        var rows = await Page(db, Apply(db, filter, WalkSortIndex(total)), sort, descending, skip, take).ToListAsync(ct);
        return new OrderAuditResult(rows.Select(ToRow).ToList(), total);
    }

    /// <summary>
    /// What the page loads: the per-status counts and one page of rows, in two statements. The grid's total comes from
    /// the counts (the status filter is the only one they leave out), which saves a third pass over the orders.
    /// </summary>
    public async Task<OrderAuditPageResult> PageAsync(OrderAuditFilter filter, OrderAuditSort sort, bool descending, int skip, int take,
        CancellationToken ct = default)
    {
        var counts = await CountByStatusAsync(filter, ct);
        var total = filter.Status is { } status ? counts.GetValueOrDefault(status) : counts.Values.Sum();
        if (total == 0 || skip >= total) return new OrderAuditPageResult([], total, counts);
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await Page(db, Apply(db, filter, WalkSortIndex(total)), sort, descending, skip, take).ToListAsync(ct);
        return new OrderAuditPageResult(rows.Select(ToRow).ToList(), total, counts);
    }

    /// <summary>How many orders each status holds under the other filters (the status filter itself is ignored).</summary>
    public async Task<IReadOnlyDictionary<OrderStatus, int>> CountByStatusAsync(OrderAuditFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = Apply(db, filter with { Status = null });
        var counts = await q.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }

    /// <summary>Every row under the filter in the grid's order, streamed for the exports (at most <see cref="MaxExportRows"/>).</summary>
    public async IAsyncEnumerable<OrderAuditRow> StreamAsync(OrderAuditFilter filter, OrderAuditSort sort, bool descending,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = Project(Sort(Apply(db, filter), sort, descending).Take(MaxExportRows));
        await foreach (var r in q.AsAsyncEnumerable().WithCancellation(ct)) yield return ToRow(r);
    }

    /// <summary>The text just after every text starting with <paramref name="prefix"/>: [prefix, end) is the prefix as a range.</summary>
    private static (string Start, string End) PrefixRange(string prefix) => (prefix, prefix[..^1] + (char)(prefix[^1] + 1));

    /// <summary>
    /// Whether a page of this many matching orders is found sooner by walking the sort's index and keeping the matches
    /// (about 25 × orders ÷ matches entries) than by reading every match and sorting them.
    /// </summary>
    private static bool WalkSortIndex(int matches) => matches >= 2_000;

    /// <param name="walkSortIndex">
    /// For the text search on SQLite: test the trigram matches while walking the sort's index, rather than read each match.
    /// </param>
    internal static IQueryable<Order> Apply(ApplicationDbContext db, OrderAuditFilter f, bool walkSortIndex = false)
    {
        var sqlite = db.Database.IsSqlite();
        var customerText = Lower(f.Customer);
        var companyText = Lower(f.Company);
        var q = Source(db, sqlite ? Trigrams(customerText) : null, sqlite ? Trigrams(companyText) : null, walkSortIndex).AsNoTracking();
        q = q.Where(o => o.Status != OrderStatus.Draft);
        if (OrderNumber.Normalize(f.Number) is { } whole) q = q.Where(o => o.Number == whole); // a whole number: the unique index
        else if (Upper(f.Number) is { } number) q = q.Where(o => o.Number!.Contains(number));
        if (f.Status is { } status) q = q.Where(o => o.Status == status);
        if (f.SubmittedFromUtc is { } from) q = q.Where(o => o.SubmittedAtUtc >= from);
        if (f.SubmittedToUtc is { } to) q = q.Where(o => o.SubmittedAtUtc < to);
        // Name and email lower-cased in one column. A text of 3 characters or more is looked up in the trigram index: on
        // SQLite by the source (FTS5), on PostgreSQL by LIKE itself (pg_trgm); a shorter one is a plain LIKE.
        if (customerText is { } customer && !(sqlite && Trigrams(customer) is not null))
        {
            q = q.Where(o => EF.Functions.Like(EF.Property<string>(o, OrderAuditIndexes.CustomerSearch), OrderAuditSearch.LikeContains(customer), "\\"));
        }
        if (companyText is { } company)
        {
            q = q.Where(o => o.Buyer.PayerKind == PayerKind.Company);
            if (!(sqlite && Trigrams(company) is not null))
            {
                q = q.Where(o => EF.Functions.Like(o.Buyer.PayerName.ToLower(), OrderAuditSearch.LikeContains(company), "\\"));
            }
        }
        if (Upper(f.Country) is { } country) q = q.Where(o => EF.Property<string>(o, OrderAuditIndexes.Country) == country);
        if (Upper(f.Currency) is { } currency) q = q.Where(o => o.Currency == currency);
        if (f.PaymentMethod is { } method) q = q.Where(o => o.PaymentMethod == method);
        if (f.TotalFromMinor is { } min) q = q.Where(o => o.TotalMinor >= min);
        if (f.TotalToMinor is { } max) q = q.Where(o => o.TotalMinor <= max);
        if (Upper(f.SerialNumber) is { } serial)
        {
            // A range on the serial-number index finds the devices first, then their orders by key: a page costs the same
            // on a million orders. Serial numbers are stored upper-case and normalised; what was typed may not be.
            var (a, aEnd) = PrefixRange(serial);
            var (b, bEnd) = PrefixRange(Domain.Registry.SerialNumber.Normalize(serial) is { Length: > 0 } n ? n : serial);
            var orderIds = db.OrderLines
                .Where(l => (string.Compare(l.SerialNumber, a) >= 0 && string.Compare(l.SerialNumber, aEnd) < 0)
                            || (string.Compare(l.SerialNumber, b) >= 0 && string.Compare(l.SerialNumber, bEnd) < 0))
                .Select(l => l.OrderId);
            q = q.Where(o => orderIds.Contains(o.Id));
        }
        return q;
    }

    /// <summary>
    /// One page in one statement, its rows read late: the filter and sort pick the page's order numbers (unique, and held
    /// by the indexes, so a total range is picked from its index alone), then only those orders are read with their line
    /// counts. Sorting the numbers of many matching orders is cheap; sorting whole rows with their line counts is not.
    /// </summary>
    private static IQueryable<RawRow> Page(ApplicationDbContext db, IQueryable<Order> q, OrderAuditSort sort, bool desc, int skip, int take)
    {
        var numbers = Sort(q, sort, desc).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500)).Select(o => new { o.Number });
        // A join rather than Contains: order numbers are nullable (drafts), and Contains would add a null test that hides the index.
        var rows = db.Orders.AsNoTracking().Join(numbers, o => o.Number, p => p.Number, (o, _) => o);
        return Project(Sort(rows, sort, desc));
    }

    /// <summary>
    /// The orders to filter: on SQLite, when a customer or company text is long enough for trigrams, only the orders the
    /// FTS5 index finds (one MATCH for both texts, the orders then read by rowid).
    /// </summary>
    private static IQueryable<Order> Source(ApplicationDbContext db, string? customer, string? company, bool walkSortIndex)
    {
        var terms = new List<string>();
        if (customer is not null) terms.Add(OrderAuditSearch.Phrase(OrderAuditIndexes.CustomerSearch, customer));
        if (company is not null) terms.Add(OrderAuditSearch.Phrase(OrderAuditIndexes.Company, company));
        if (terms.Count == 0) return db.Orders;
        var match = string.Join(" AND ", terms);
        // "+rowid" keeps SQLite from looking the matches up by rowid, so it walks the sort's index (whose entries carry the
        // rowid) and tests each entry against the matches, read once from the trigram index.
        return walkSortIndex
            ? db.Orders.FromSql(
                $"SELECT * FROM \"Orders\" WHERE +rowid IN (SELECT rowid FROM \"OrderAuditSearch\" WHERE \"OrderAuditSearch\" MATCH {match})")
            : db.Orders.FromSql(
                $"SELECT * FROM \"Orders\" WHERE rowid IN (SELECT rowid FROM \"OrderAuditSearch\" WHERE \"OrderAuditSearch\" MATCH {match})");
    }

    /// <summary>The text when it holds a trigram (3 characters or more), else null.</summary>
    private static string? Trigrams(string? text) => text is not null && text.EnumerateRunes().Count() >= OrderAuditSearch.MinLength ? text : null;

    internal static IQueryable<Order> Sort(IQueryable<Order> q, OrderAuditSort sort, bool desc)
    {
        var sorted = sort switch
        {
            OrderAuditSort.Number => desc ? q.OrderByDescending(o => o.Number) : q.OrderBy(o => o.Number),
            OrderAuditSort.Status => desc ? q.OrderByDescending(o => o.Status) : q.OrderBy(o => o.Status),
            OrderAuditSort.Customer => By(q, OrderAuditIndexes.Customer, desc),
            OrderAuditSort.Company => By(q, OrderAuditIndexes.Company, desc),
            OrderAuditSort.Country => By(q, OrderAuditIndexes.Country, desc),
            OrderAuditSort.Currency => desc ? q.OrderByDescending(o => o.Currency) : q.OrderBy(o => o.Currency),
            OrderAuditSort.PaymentMethod => desc ? q.OrderByDescending(o => o.PaymentMethod) : q.OrderBy(o => o.PaymentMethod),
            OrderAuditSort.Total => desc ? q.OrderByDescending(o => o.TotalMinor) : q.OrderBy(o => o.TotalMinor),
            _ => desc ? q.OrderByDescending(o => o.SubmittedAtUtc) : q.OrderBy(o => o.SubmittedAtUtc),
        };
        // A unique tie-breaker keeps pages stable when many rows share a value.
        return desc ? sorted.ThenByDescending(o => o.Number) : sorted.ThenBy(o => o.Number);
    }

    // The indexed copies of the buyer's columns (see OrderAuditIndexes).
    private static IOrderedQueryable<Order> By(IQueryable<Order> q, string column, bool desc) =>
        desc ? q.OrderByDescending(o => EF.Property<string>(o, column)) : q.OrderBy(o => EF.Property<string>(o, column));

    private static IQueryable<RawRow> Project(IQueryable<Order> q) => q.Select(o => new RawRow(o.Id, o.Number!, o.Status, o.SubmittedAtUtc,
        o.Buyer.FullName, o.Buyer.Email, o.Buyer.PayerKind == PayerKind.Company ? o.Buyer.PayerName : null, o.Buyer.Country,
        o.TotalMinor, o.Currency, o.Lines.Count, o.Version, o.PaymentMethod, o.VatCheckOutcome));

    private static OrderAuditRow ToRow(RawRow r) => new(r.Id, r.Number, r.Status, r.SubmittedAtUtc, r.Customer, r.Email, r.Company,
        r.Country, new Money(r.TotalMinor, r.Currency), r.LineCount, r.Version, r.PaymentMethod, r.VatCheck);

    private static string? Upper(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().ToUpperInvariant();

    private static string? Lower(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim().ToLowerInvariant();

    private sealed record RawRow(Guid Id, string Number, OrderStatus Status, DateTime? SubmittedAtUtc, string Customer, string Email,
        string? Company, string Country, long TotalMinor, string Currency, int LineCount, Guid Version, PaymentMethod? PaymentMethod,
        Domain.Catalog.VatCheckOutcome? VatCheck);
}
