using WarrantyPortal.Features.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Orders;

public class OpenOrderLookupTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task SerialNumbersInOpenOrdersAsync_OpenAndCancelledOrders_OnlyDevicesOnOpenOnes(string provider)
    {
        using var h = new OrdersHarness(provider);
        var open = await h.PlaceAsync(OrdersHarness.Alice, "SN-OPEN");
        var cancelled = await h.PlaceAsync(OrdersHarness.Bob, "SN-GONE");
        await h.Customer.CancelAsync(OrdersHarness.Bob, "Bob", cancelled, "Duplicate");
        var lookup = new OpenOrderLookup(h.Db);

        var found = await lookup.SerialNumbersInOpenOrdersAsync(["sn-open", "SN-GONE", "SN-NEVER"], null, default);

        Assert.Equal(["SN-OPEN"], found);
    }

    [Fact]
    public async Task SerialNumbersInOpenOrdersAsync_ExcludingThatOrder_NotReported()
    {
        using var h = new OrdersHarness();
        var number = await h.PlaceAsync(OrdersHarness.Alice, "SN-1");

        Assert.Empty(await new OpenOrderLookup(h.Db).SerialNumbersInOpenOrdersAsync(["SN-1"], number, default));
    }
}
