using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Orders;

public class OrderQueryTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ListAsync_TwoCustomers_EachSeesOnlyTheirOwn(string provider)
    {
        using var h = new OrdersHarness(provider);
        var alices = await h.PlaceAsync(OrdersHarness.Alice, "SN-1");
        var bobs = await h.PlaceAsync(OrdersHarness.Bob, "SN-2");

        var page = await h.Query.ListAsync(OrdersHarness.Alice, new OrderListFilter());

        Assert.Equal([alices], page.Items.Select(i => i.Number));
        Assert.Equal(1, page.TotalCount);
        Assert.DoesNotContain(bobs, page.Items.Select(i => i.Number));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task GetAsync_AnotherCustomersNumber_NotFound(string provider)
    {
        using var h = new OrdersHarness(provider);
        var bobs = await h.PlaceAsync(OrdersHarness.Bob, "SN-3");

        Assert.Null(await h.Query.GetAsync(OrdersHarness.Alice, bobs));
        Assert.NotNull(await h.Query.GetAsync(OrdersHarness.Bob, bobs));
    }

    [Fact]
    public async Task GetAsync_OwnOrderTypedLowerCase_DetailsWithLinesTotalsAndHistory()
    {
        using var h = new OrdersHarness();
        var number = await h.PlaceAsync(OrdersHarness.Alice, "SN-4");

        var d = await h.Query.GetAsync(OrdersHarness.Alice, number.ToLowerInvariant());

        Assert.NotNull(d);
        Assert.Equal(number, d.Number);
        Assert.Equal("SN-4", Assert.Single(d.Lines).SerialNumber);
        Assert.Equal(120_00, d.Totals.Total.Minor);
        Assert.Equal([OrderStatus.Draft, OrderStatus.Submitted], d.History.Select(h => h.To));
        Assert.True(d.CanCancel);
        Assert.False(d.CanPay);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ListAsync_SearchBySerialOrNumber_FindsTheMatchingOrder(string provider)
    {
        using var h = new OrdersHarness(provider);
        var first = await h.PlaceAsync(OrdersHarness.Alice, "INV-2201-0001");
        var second = await h.PlaceAsync(OrdersHarness.Alice, "INV-2201-0777");

        Assert.Equal([second], (await h.Query.ListAsync(OrdersHarness.Alice, new OrderListFilter("0777"))).Items.Select(i => i.Number));
        Assert.Equal([first], (await h.Query.ListAsync(OrdersHarness.Alice, new OrderListFilter(" inv-2201-0001"))).Items.Select(i => i.Number));
        Assert.Equal([second], (await h.Query.ListAsync(OrdersHarness.Alice, new OrderListFilter(second[^4..]))).Items.Select(i => i.Number));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ListAsync_FilterByStatus_OnlyThatStatusAndCountsForEach(string provider)
    {
        using var h = new OrdersHarness(provider);
        var kept = await h.PlaceAsync(OrdersHarness.Alice, "SN-5");
        var cancelled = await h.PlaceAsync(OrdersHarness.Alice, "SN-6");
        Assert.Equal(CancelOutcome.Cancelled, await h.Customer.CancelAsync(OrdersHarness.Alice, "Alice", cancelled, "Duplicate"));

        var page = await h.Query.ListAsync(OrdersHarness.Alice, new OrderListFilter(Status: OrderStatus.Submitted));

        Assert.Equal([kept], page.Items.Select(i => i.Number));
        Assert.Equal(1, page.CountByStatus[OrderStatus.Submitted]);
        Assert.Equal(1, page.CountByStatus[OrderStatus.Cancelled]);
        Assert.Equal(2, page.AllCount);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ListAsync_Paging_NewestFirstAcrossPages(string provider)
    {
        using var h = new OrdersHarness(provider);
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add(await h.PlaceAsync(OrdersHarness.Alice, $"SN-PG{i}"));
            h.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var page2 = await h.Query.ListAsync(OrdersHarness.Alice, new OrderListFilter(Page: 2, PageSize: 2));

        Assert.Equal(5, page2.TotalCount);
        Assert.Equal([numbers[2], numbers[1]], page2.Items.Select(i => i.Number));
    }
}
