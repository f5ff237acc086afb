using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Admin;

/// <summary>
/// The grid's indexed filters on each provider: the "contains" texts through the trigram index (FTS5 on SQLite, pg_trgm on
/// PostgreSQL) or, under 3 characters, a plain LIKE; the serial-number prefix; the status counts under a filter.
/// </summary>
public class OrderAuditSearchTests
{
    private static async Task<List<string>> NumbersAsync(AdminHarness h, OrderAuditFilter filter) =>
        (await h.Query.RunAsync(filter, OrderAuditSort.Number, false, 0, 50)).Rows.Select(r => r.Number).ToList();

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task RunAsync_CustomerText_FoundInNameOrEmailAnyCaseAnyLength(string provider)
    {
        using var h = new AdminHarness(provider);
        var clara = await h.AddAsync(name: "Clara Dupont", email: "c.dupont@sun-energy.test");
        var bob = await h.AddAsync(name: "Bob Martin", email: "bob@martin.test");
        await h.AddAsync(name: "Eve Durand", email: "eve@durand.test");

        Assert.Equal([clara.Number!], await NumbersAsync(h, new() { Customer = "DUPONT" }));
        Assert.Equal([clara.Number!], await NumbersAsync(h, new() { Customer = " sun-Energy.TEST " }));
        Assert.Equal([clara.Number!], await NumbersAsync(h, new() { Customer = "clara dupont c.dup" })); // across name and email
        Assert.Equal([bob.Number!], await NumbersAsync(h, new() { Customer = "rt" }));                   // under 3 characters: LIKE
        Assert.Equal([bob.Number!], await NumbersAsync(h, new() { Customer = "b" }));
        Assert.Empty(await NumbersAsync(h, new() { Customer = "dupontx" }));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task RunAsync_CustomerTextWithPatternOrQuoteCharacters_MatchedLiterally(string provider)
    {
        using var h = new AdminHarness(provider);
        var odd = await h.AddAsync(name: "Zoe \"Z\" O'Hara", email: "zoe_100%@x.test");
        await h.AddAsync(name: "Zoe Ohara", email: "zoex100a@x.test");

        Assert.Equal([odd.Number!], await NumbersAsync(h, new() { Customer = "_100%" }));
        Assert.Equal([odd.Number!], await NumbersAsync(h, new() { Customer = "\"z\" o'h" }));
        Assert.Equal([odd.Number!], await NumbersAsync(h, new() { Customer = "%" }));
        Assert.Empty(await NumbersAsync(h, new() { Customer = "zoe*" }));
        Assert.Empty(await NumbersAsync(h, new() { Customer = "zoe OR bob" }));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task RunAsync_CompanyText_OnlyCompanyPayersWithCustomerToo(string provider)
    {
        using var h = new AdminHarness(provider);
        var solar = await h.AddAsync(name: "Bob Martin", company: "Solaris SARL");
        var other = await h.AddAsync(name: "Anna Weber", company: "Solaris GmbH");
        await h.AddAsync(name: "Solaris Fan"); // a person whose own name holds the word
        await h.AddAsync(name: "Carl Keller", company: "Helios AG");

        Assert.Equal([solar.Number!, other.Number!], await NumbersAsync(h, new() { Company = "SOLARIS" }));
        Assert.Equal([solar.Number!, other.Number!], await NumbersAsync(h, new() { Company = "so" }));
        Assert.Equal([other.Number!], await NumbersAsync(h, new() { Company = "laris", Customer = "weber" }));
        Assert.Equal([other.Number!], await NumbersAsync(h, new() { Company = "gmb", Customer = "an" }));
        Assert.Empty(await NumbersAsync(h, new() { Company = "fan" }));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task PageAsync_TextFilter_StatusCountsAndPageAgree(string provider)
    {
        using var h = new AdminHarness(provider);
        for (var i = 0; i < 3; i++) await h.AddAsync(name: "Marie Dubois");
        await h.AddAsync(name: "Marie Dubois", status: OrderStatus.Approved);
        await h.AddAsync(name: "Marie Dubois", status: OrderStatus.Rejected);
        await h.AddAsync(name: "Paul Girard");

        var page = await h.Query.PageAsync(new() { Customer = "dubois", Status = OrderStatus.Submitted }, OrderAuditSort.SubmittedAt, true, 0, 2);

        Assert.Equal(3, page.Total);
        Assert.Equal(2, page.Rows.Count);
        Assert.All(page.Rows, r => Assert.Equal("Marie Dubois", r.Customer));
        Assert.Equal(3, page.CountByStatus[OrderStatus.Submitted]);
        Assert.Equal(1, page.CountByStatus[OrderStatus.Approved]);
        Assert.Equal(1, page.CountByStatus[OrderStatus.Rejected]);
        Assert.Equal(5, page.CountByStatus.Values.Sum());
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Apply_ManyTextMatchesWalkingTheSortIndex_SameOrdersInSameOrder(string provider)
    {
        using var h = new AdminHarness(provider);
        var day = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 6; i++)
        {
            await h.AddAsync(name: i % 2 == 0 ? "Lea Garnier" : "Noah Weber", company: i % 3 == 0 ? "Garnier Solar SAS" : null,
                unitMinor: (10 - i) * 10_00, submittedAt: day.AddDays(i % 4), status: i == 5 ? OrderStatus.Rejected : OrderStatus.Submitted);
        }
        var filters = new OrderAuditFilter[] { new() { Customer = "garnier" }, new() { Company = "garnier" }, new() { Customer = "weber", Status = OrderStatus.Rejected } };

        await using var db = h.Orders.Db.CreateDbContext();
        foreach (var filter in filters)
        {
            foreach (var sort in new[] { OrderAuditSort.SubmittedAt, OrderAuditSort.Total, OrderAuditSort.Customer })
            {
                var read = await OrderAuditQuery.Sort(OrderAuditQuery.Apply(db, filter), sort, true).Select(o => o.Number).ToListAsync();
                var walked = await OrderAuditQuery.Sort(OrderAuditQuery.Apply(db, filter, walkSortIndex: true), sort, true).Select(o => o.Number).ToListAsync();
                Assert.NotEmpty(read);
                Assert.Equal(read, walked);
            }
        }
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task RunAsync_DeletedOrder_NoLongerFoundByItsText(string provider)
    {
        using var h = new AdminHarness(provider);
        var gone = await h.AddAsync(name: "Hugo Fontaine");
        var kept = await h.AddAsync(name: "Hugo Fontaine");
        await using (var db = h.Orders.Db.CreateDbContext())
        {
            await db.Orders.Where(o => o.Id == gone.Id).ExecuteDeleteAsync();
        }
        var later = await h.AddAsync(name: "Ines Rousseau");

        Assert.Equal([kept.Number!], await NumbersAsync(h, new() { Customer = "fontaine" }));
        Assert.Equal([later.Number!], await NumbersAsync(h, new() { Customer = "rousseau" }));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task RunAsync_PostgresWithoutPgTrgm_TextFiltersStillWorkAndStartupLogSaysSo(string provider)
    {
        using var h = new AdminHarness(provider);
        var clara = await h.AddAsync(name: "Clara Dupont", company: "Helios SARL");
        await h.AddAsync(name: "Bob Martin");
        var log = new ListLogger();
        await using (var db = h.Orders.Db.CreateDbContext())
        {
            if (provider == TestProviders.Postgres) await db.Database.ExecuteSqlRawAsync("DROP EXTENSION pg_trgm CASCADE");
            await OrderAuditSearch.LogIfMissingAsync(db, log);
        }

        Assert.Equal([clara.Number!], await NumbersAsync(h, new() { Customer = "dupont" }));
        Assert.Equal([clara.Number!], await NumbersAsync(h, new() { Company = "helios" }));
        if (provider == TestProviders.Postgres) Assert.Contains(log.Lines, l => l.Contains("pg_trgm", StringComparison.Ordinal));
        else Assert.Empty(log.Lines);
    }

    private sealed class ListLogger : Microsoft.Extensions.Logging.ILogger
    {
        public List<string> Lines { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;
        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter) => Lines.Add(formatter(state, exception));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task RunAsync_SerialPrefix_RangeOnTheSerialNumbers(string provider)
    {
        using var h = new AdminHarness(provider);
        var hit = await h.AddAsync(serials: ["702000100001", "702000100002"]);
        var next = await h.AddAsync(serials: ["702000199999"]);
        await h.AddAsync(serials: ["702000200000"]);
        await h.AddAsync(serials: ["70200009"]);

        Assert.Equal([hit.Number!], await NumbersAsync(h, new() { SerialNumber = "7020 0010-0002" }));
        Assert.Equal([hit.Number!, next.Number!], await NumbersAsync(h, new() { SerialNumber = "7020001" }));
        Assert.Empty(await NumbersAsync(h, new() { SerialNumber = "7020003" }));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task PageAsync_ExactFilters_CountsPerStatusAndNewestFirst(string provider)
    {
        using var h = new AdminHarness(provider);
        var day = new DateTime(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc);
        var old = await h.AddAsync(country: "BE", currency: "EUR", unitMinor: 90_00, submittedAt: day);
        var recent = await h.AddAsync(country: "BE", currency: "EUR", unitMinor: 95_00, submittedAt: day.AddDays(2));
        var paid = await h.AddAsync(country: "BE", currency: "EUR", unitMinor: 100_00, status: OrderStatus.Paid, method: PaymentMethod.Card, submittedAt: day.AddDays(1));
        var gb = await h.AddAsync(country: "FR", currency: "GBP", unitMinor: 100_00, status: OrderStatus.Paid, method: PaymentMethod.Card, submittedAt: day.AddDays(3));

        var be = await h.Query.PageAsync(new() { Country = "be", Status = OrderStatus.Submitted }, OrderAuditSort.SubmittedAt, true, 0, 25);
        Assert.Equal([recent.Number!, old.Number!], be.Rows.Select(r => r.Number));
        Assert.Equal(2, be.CountByStatus[OrderStatus.Submitted]);
        Assert.Equal(1, be.CountByStatus[OrderStatus.Paid]);

        var eur = await h.Query.PageAsync(new() { Currency = "EUR" }, OrderAuditSort.SubmittedAt, true, 0, 25);
        Assert.Equal(3, eur.Total);
        var card = await h.Query.PageAsync(new() { PaymentMethod = PaymentMethod.Card }, OrderAuditSort.SubmittedAt, true, 0, 25);
        Assert.Equal(2, card.CountByStatus[OrderStatus.Paid]);
        Assert.Equal(2, card.Total);
        // With VAT: 108.00, 114.00, 120.00 and 120.00.
        var all = await h.Query.PageAsync(new() { TotalFromMinor = 108_00, TotalToMinor = 120_00 }, OrderAuditSort.SubmittedAt, true, 0, 25);
        Assert.Equal([gb.Number!, recent.Number!, paid.Number!, old.Number!], all.Rows.Select(r => r.Number));
        var middle = await h.Query.PageAsync(new() { TotalFromMinor = 108_01, TotalToMinor = 119_99 }, OrderAuditSort.SubmittedAt, true, 0, 25);
        Assert.Equal([recent.Number!], middle.Rows.Select(r => r.Number));
        Assert.Equal(1, middle.CountByStatus[OrderStatus.Submitted]);
        Assert.Equal(1, middle.Total);
    }
}
