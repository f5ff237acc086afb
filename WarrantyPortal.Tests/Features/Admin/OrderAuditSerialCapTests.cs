using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Admin;

/// <summary>
/// The grid's counts under a serial-number prefix stop at a cap (a small one here, 5,000 on the page): under it they are
/// exact; past it the page says so and pages through the first orders, in two statements.
/// </summary>
public class OrderAuditSerialCapTests
{
    private const int Cap = 5;

    /// <summary>Orders whose devices all start with "SN-BATCH" (two devices each, so an order is counted once), newest last.</summary>
    private static async Task<List<Order>> AddBatchAsync(AdminHarness h, int submitted, int approved = 0)
    {
        var orders = new List<Order>();
        for (var i = 0; i < submitted + approved; i++)
        {
            var status = i < submitted ? OrderStatus.Submitted : OrderStatus.Approved;
            orders.Add(await h.AddAsync(status: status, serials: [$"SN-BATCH{i:D2}A", $"SN-BATCH{i:D2}B"]));
        }
        await h.AddAsync(serials: ["SN-OTHER01"]);
        await h.AddAsync(status: OrderStatus.Approved, serials: ["SN-OTHER02"]);
        return orders;
    }

    private static List<string> Newest(IEnumerable<Order> orders) =>
        orders.OrderByDescending(o => o.SubmittedAtUtc).Select(o => o.Number!).ToList();

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task PageAsync_SerialPrefixMatchingUpToTheCap_ExactCounts(string provider)
    {
        using var h = new AdminHarness(provider);
        await AddBatchAsync(h, submitted: 3, approved: 2); // exactly the cap
        var query = new OrderAuditQuery(h.Factory) { CountCap = Cap };
        h.Factory.Reset();

        var page = await query.PageAsync(new() { Status = OrderStatus.Submitted, SerialNumber = "sn-batch" }, OrderAuditSort.SubmittedAt, true, 0, 25);

        Assert.Equal(2, h.Factory.Commands);
        Assert.False(page.CountsCapped);
        Assert.Equal(OrderAuditTotal.Exact, page.TotalIs);
        Assert.Equal(3, page.Total);
        Assert.Equal(3, page.Rows.Count);
        Assert.Equal(3, page.CountByStatus[OrderStatus.Submitted]);
        Assert.Equal(2, page.CountByStatus[OrderStatus.Approved]);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task PageAsync_SerialPrefixMatchingMoreThanTheCap_SaysSoAndPagesThroughTheFirstOrders(string provider)
    {
        using var h = new AdminHarness(provider);
        var batch = await AddBatchAsync(h, submitted: 5, approved: 3);
        // Both ways of finding the page: reading every matching device, or (a prefix matching devices all through the
        // store) walking the orders and looking up each one's devices.
        foreach (var query in new[] { new OrderAuditQuery(h.Factory) { CountCap = Cap }, new OrderAuditQuery(h.Factory) { CountCap = Cap, SpreadDevices = 4 } })
        {
            h.Factory.Reset();

            var first = await query.PageAsync(new() { SerialNumber = "SN-BATCH" }, OrderAuditSort.SubmittedAt, true, 0, 3);
            var commands = h.Factory.Commands;
            var second = await query.PageAsync(new() { SerialNumber = "SN-BATCH" }, OrderAuditSort.SubmittedAt, true, 3, 3);
            var byNumber = await query.PageAsync(new() { SerialNumber = "SN-BATCH" }, OrderAuditSort.Number, false, 0, 25);

            Assert.Equal(2, commands);
            Assert.True(first.CountsCapped);
            Assert.Equal(OrderAuditTotal.MoreThanCap, first.TotalIs);
            Assert.Equal(Cap, first.Total);
            Assert.True(first.CountByStatus.Values.Sum() <= Cap + 1); // counting stopped just past the cap
            // The first pages are the newest matching orders, up to the cap.
            Assert.Equal(Newest(batch).Take(Cap), first.Rows.Concat(second.Rows).Select(r => r.Number));
            Assert.Equal(Cap, second.Total);
            Assert.Equal(batch.Select(o => o.Number!).Order(StringComparer.Ordinal).Take(Cap), byNumber.Rows.Select(r => r.Number));
        }
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task PageAsync_StatusTabWhileCapped_TotalOpenUntilTheLastPageThenExact(string provider)
    {
        using var h = new AdminHarness(provider);
        var batch = await AddBatchAsync(h, submitted: 4, approved: 4);
        var query = new OrderAuditQuery(h.Factory) { CountCap = Cap, SpreadDevices = 4 };
        var filter = new OrderAuditFilter { Status = OrderStatus.Approved, SerialNumber = "sn-batch" };
        h.Factory.Reset();

        var first = await query.PageAsync(filter, OrderAuditSort.SubmittedAt, true, 0, 3);
        var commands = h.Factory.Commands;
        var last = await query.PageAsync(filter, OrderAuditSort.SubmittedAt, true, 3, 3);

        Assert.Equal(2, commands);
        Assert.True(first.CountsCapped);
        Assert.Equal(OrderAuditTotal.Open, first.TotalIs); // not counted: more follow
        Assert.Equal(4, first.Total); // enough for the pager to offer the next page
        Assert.Equal(OrderAuditTotal.Exact, last.TotalIs);
        Assert.Equal(4, last.Total);
        var approved = Newest(batch.Where(o => o.Status == OrderStatus.Approved));
        Assert.Equal(approved, first.Rows.Concat(last.Rows).Select(r => r.Number));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task PageAsync_SerialPrefixUnderTheCapWithOtherFilters_CountsEachStatusExactly(string provider)
    {
        using var h = new AdminHarness(provider);
        await AddBatchAsync(h, submitted: 6, approved: 2);
        var be = await h.AddAsync(country: "BE", serials: ["SN-BATCH99A"]);
        await h.AddAsync(country: "BE", serials: ["SN-OTHER99"]);
        // The prefix matching few devices, then devices all through the store (found by walking the orders).
        foreach (var query in new[] { new OrderAuditQuery(h.Factory) { CountCap = Cap }, new OrderAuditQuery(h.Factory) { CountCap = Cap, SpreadDevices = 4 } })
        {
            var page = await query.PageAsync(new() { Country = "BE", SerialNumber = "SN-BATCH" }, OrderAuditSort.SubmittedAt, true, 0, 25);

            Assert.False(page.CountsCapped);
            Assert.Equal(1, page.Total);
            Assert.Equal([be.Number!], page.Rows.Select(r => r.Number));
            Assert.Equal(1, page.CountByStatus.Values.Sum());
        }
    }
}
