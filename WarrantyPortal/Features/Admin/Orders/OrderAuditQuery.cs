using System.Linq.Expressions;
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

/// <summary>What a page's <see cref="OrderAuditPageResult.Total"/> says about the number of matching orders.</summary>
public enum OrderAuditTotal
{
    /// <summary>Every matching order: the total is exact.</summary>
    Exact,
    /// <summary>More than <see cref="OrderAuditQuery.CountCap"/> orders match; the grid pages through the first of them.</summary>
    MoreThanCap,
    /// <summary>Not counted (a status tab while the counts are capped): more orders follow the page.</summary>
    Open,
}

/// <summary>
/// A page of the grid with the per-status counts under the other filters (the status chips). When
/// <see cref="CountsCapped"/>, a serial-number prefix matches more than <see cref="OrderAuditQuery.CountCap"/> orders and
/// counting stopped there: the per-status figures are only what was counted before it and must not be shown as totals.
/// </summary>
public sealed record OrderAuditPageResult(IReadOnlyList<OrderAuditRow> Rows, int Total, IReadOnlyDictionary<OrderStatus, int> CountByStatus,
    bool CountsCapped = false, OrderAuditTotal TotalIs = OrderAuditTotal.Exact);

/// <summary>
/// The order-audit grid's reads: every filter and sort becomes SQL, so a page costs the same few statements whatever
/// the number of orders (a count, the page, and the per-status counts).
/// </summary>
public sealed class OrderAuditQuery(IDbContextFactory<ApplicationDbContext> factory)
{
    public const int MaxExportRows = 100_000;

    /// <summary>How many orders the page counts under a serial-number filter before it stops (see <see cref="PageAsync"/>).</summary>
    public const int DefaultCountCap = 5_000;

    private const int MaxPageRows = 500;

    /// <summary>The page's count cap: <see cref="DefaultCountCap"/>, smaller in tests.</summary>
    public int CountCap { get; init; } = DefaultCountCap;

    /// <summary>
    /// Past this many devices a serial-number prefix is short (a model's fixed prefix, a first character) and its orders lie
    /// all through the store. Fewer devices are rather a production run, sold over some months: reading them all (about
    /// 130 ms for 100,000 devices on SQLite) beats walking the store until their orders come.
    /// </summary>
    internal int SpreadDevices { get; init; } = 150_000;

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
    /// the counts (the status filter is the only one they leave out), which saves a third pass over the orders. Under a
    /// serial-number filter the counts stop past <see cref="CountCap"/> orders: the result then says so
    /// (<see cref="OrderAuditPageResult.CountsCapped"/>) and the grid pages through the first CountCap orders.
    /// </summary>
    public async Task<OrderAuditPageResult> PageAsync(OrderAuditFilter filter, OrderAuditSort sort, bool descending, int skip, int take,
        CancellationToken ct = default)
    {
        take = Math.Clamp(take, 1, MaxPageRows);
        await using var db = await factory.CreateDbContextAsync(ct);
        var (counts, capped, spread) = await CountByStatusCappedAsync(db, filter, ct);
        // A prefix matching devices all through the store (a model's prefix, a first character) finds a page sooner by
        // walking the sort's index and looking up each order's devices; one matching fewer devices, often sold within a
        // few months (serial numbers follow production), by reading them all.
        if (!capped)
        {
            var total = filter.Status is { } status ? counts.GetValueOrDefault(status) : counts.Values.Sum();
            if (total == 0 || skip >= total) return new OrderAuditPageResult([], total, counts);
            var rows = await Page(db, Apply(db, filter, WalkSortIndex(total), spread), sort, descending, skip, take).ToListAsync(ct);
            return new OrderAuditPageResult(rows.Select(ToRow).ToList(), total, counts);
        }

        if (skip >= CountCap) return new OrderAuditPageResult([], CountCap, counts, true, OrderAuditTotal.MoreThanCap);
        take = Math.Min(take, CountCap - skip);
        var matched = Apply(db, filter, walkSortIndex: true, testSerialPerOrder: spread);
        if (filter.Status is null)
        {
            var rows = await Page(db, matched, sort, descending, skip, take).ToListAsync(ct);
            return new OrderAuditPageResult(rows.Select(ToRow).ToList(), CountCap, counts, true, OrderAuditTotal.MoreThanCap);
        }

        // A status tab was not counted: one row more than the page tells whether more follow.
        var tab = await Page(db, matched, sort, descending, skip, take + 1).ToListAsync(ct);
        var more = tab.Count > take;
        var page = tab.Take(take).Select(ToRow).ToList();
        return more
            ? new OrderAuditPageResult(page, Math.Min(CountCap, skip + take + 1), counts, true, OrderAuditTotal.Open)
            : new OrderAuditPageResult(page, skip + page.Count, counts, true);
    }

    /// <summary>
    /// The status counts as the page shows them. Under a serial-number filter they stop at <see cref="CountCap"/> matching
    /// orders: a short prefix (a model's fixed first characters, a single digit) matches a good part of the store, and
    /// counting all of it would read every matching device. One statement reads at most CountCap + 1 orders and tells
    /// whether it stopped.
    /// </summary>
    private async Task<(IReadOnlyDictionary<OrderStatus, int> Counts, bool Capped, bool Spread)> CountByStatusCappedAsync(ApplicationDbContext db,
        OrderAuditFilter filter, CancellationToken ct)
    {
        var others = filter with { Status = null };
        if (SerialMatch(others.SerialNumber) is not { } match)
        {
            var all = await Apply(db, others).GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            return (all.ToDictionary(c => c.Key, c => c.Count), false, false);
        }
        // From the devices the prefix finds, in the serial-number index's order, to their orders: DISTINCT because an order
        // holds several devices of a batch, LIMIT so the reading stops at the cap.
        var first = Apply(db, others with { SerialNumber = null })
            .Join(db.OrderLines.Where(match), o => o.Id, l => l.OrderId, (o, _) => new { o.Id, o.Status })
            .Distinct()
            .Take(CountCap + 1);
        // With them, in the same statement, the devices the prefix matches up to SpreadDevices (the index alone, read once).
        var devices = db.OrderLines.Where(match).Select(l => l.OrderId).Take(SpreadDevices + 1);
        var counts = await first.GroupBy(o => o.Status)
            .Select(g => new { g.Key, Count = g.Count(), Devices = devices.Count() })
            .ToListAsync(ct);
        return (counts.ToDictionary(c => c.Key, c => c.Count), counts.Sum(c => c.Count) > CountCap,
            counts.Count > 0 && counts[0].Devices > SpreadDevices);
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
    /// <param name="testSerialPerOrder">
    /// For a serial number matching many orders: test each order's devices (by the order's key) while walking, rather than
    /// first read every device in the prefix's range.
    /// </param>
    internal static IQueryable<Order> Apply(ApplicationDbContext db, OrderAuditFilter f, bool walkSortIndex = false, bool testSerialPerOrder = false)
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
        if (SerialMatch(f.SerialNumber) is { } match)
        {
            // A range on the serial-number index finds the devices first, then their orders by key: a page costs the same
            // on a million orders. When the prefix matches many orders, walking the orders and looking up each one's
            // devices finds a page sooner.
            var lines = db.OrderLines.Where(match);
            if (testSerialPerOrder) q = q.Where(o => lines.Any(l => l.OrderId == o.Id));
            else
            {
                var orderIds = lines.Select(l => l.OrderId);
                q = q.Where(o => orderIds.Contains(o.Id));
            }
        }
        return q;
    }

    /// <summary>
    /// The devices whose serial number starts with what was typed, as one or two ranges of the serial-number index.
    /// Serial numbers are stored upper-case and normalised; what was typed may not be.
    /// </summary>
    private static Expression<Func<OrderLine, bool>>? SerialMatch(string? typed)
    {
        if (Upper(typed) is not { } serial) return null;
        var (a, aEnd) = PrefixRange(serial);
        var (b, bEnd) = PrefixRange(Domain.Registry.SerialNumber.Normalize(serial) is { Length: > 0 } n ? n : serial);
        return l => (string.Compare(l.SerialNumber, a) >= 0 && string.Compare(l.SerialNumber, aEnd) < 0)
                    || (string.Compare(l.SerialNumber, b) >= 0 && string.Compare(l.SerialNumber, bEnd) < 0);
    }

    /// <summary>
    /// One page in one statement, its rows read late: the filter and sort pick the page's order numbers (unique, and held
    /// by the indexes, so a total range is picked from its index alone), then only those orders are read with their line
    /// counts. Sorting the numbers of many matching orders is cheap; sorting whole rows with their line counts is not.
    /// </summary>
    private static IQueryable<RawRow> Page(ApplicationDbContext db, IQueryable<Order> q, OrderAuditSort sort, bool desc, int skip, int take)
    {
        var numbers = Sort(q, sort, desc).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageRows + 1)).Select(o => new { o.Number });
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
