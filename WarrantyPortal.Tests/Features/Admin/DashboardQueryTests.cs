using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Dashboard;

namespace WarrantyPortal.Tests.Features.Admin;

public class DashboardQueryTests : IDisposable
{
    private static readonly DateTime From = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly AdminHarness _h = new();

    public void Dispose() => _h.Dispose();

    private DashboardQuery Query => new(_h.Factory);

    [Fact]
    public async Task RunAsync_OrdersInAndOutOfPeriod_CountsOnlyThoseSubmittedInIt()
    {
        await _h.AddAsync(submittedAt: From.AddDays(1));
        await _h.AddAsync(submittedAt: From.AddDays(2), status: OrderStatus.Rejected);
        await _h.AddAsync(submittedAt: From.AddDays(-1));
        await _h.AddAsync(submittedAt: To);

        var f = await Query.RunAsync(From, To);

        Assert.Equal(2, f.OrderCount);
        Assert.Equal(1, f.ByStatus[OrderStatus.Submitted]);
        Assert.Equal(1, f.ByStatus[OrderStatus.Rejected]);
    }

    [Fact]
    public async Task RunAsync_PaidOrders_RevenueByMonthPerCurrencyAndPaymentMethod()
    {
        await _h.AddAsync(submittedAt: new DateTime(2026, 3, 5, 0, 0, 0, DateTimeKind.Utc), status: OrderStatus.Paid);            // 120 EUR, March, online
        await _h.AddAsync(submittedAt: new DateTime(2026, 3, 20, 0, 0, 0, DateTimeKind.Utc), status: OrderStatus.Paid, unitMinor: 50_00); // 60 EUR, March
        await _h.AddAsync(submittedAt: new DateTime(2026, 4, 2, 0, 0, 0, DateTimeKind.Utc), status: OrderStatus.Paid, currency: "GBP");  // 120 GBP, April
        await _h.AddAsync(submittedAt: new DateTime(2026, 4, 3, 0, 0, 0, DateTimeKind.Utc), status: OrderStatus.Approved);                // not paid

        var f = await Query.RunAsync(From, To);

        Assert.Equal(
            [new MonthRevenue(2026, 3, "EUR", 180_00, 2), new MonthRevenue(2026, 4, "GBP", 120_00, 1)],
            f.RevenueByMonth);
        Assert.Equal([new Tally(DashboardQuery.Online, 3)], f.ByPaymentMethod);
    }

    [Fact]
    public async Task RunAsync_LinesAndCountries_RankedMostFirstAndRejectedNotCountedAsSold()
    {
        await _h.AddAsync(country: "DE", serials: ["A1", "A2"], submittedAt: From.AddDays(3));
        await _h.AddAsync(country: "DE", submittedAt: From.AddDays(4));
        await _h.AddAsync(country: "BE", status: OrderStatus.Rejected, serials: ["R1", "R2", "R3"], submittedAt: From.AddDays(5));

        var f = await Query.RunAsync(From, To);

        Assert.Equal([new Tally("HYD 5KTL", 3)], f.TopModels);
        Assert.Equal([new Tally("DE", 2), new Tally("BE", 1)], f.ByCountry);
    }

    [Fact]
    public async Task RunAsync_ApprovedOrders_AverageTimeFromSubmission()
    {
        await _h.AddAsync(submittedAt: From.AddDays(1), status: OrderStatus.Approved); // approved one hour after
        await _h.AddAsync(submittedAt: From.AddDays(2), status: OrderStatus.Paid);     // approved one hour after
        await _h.AddAsync(submittedAt: From.AddDays(3));

        var f = await Query.RunAsync(From, To);

        Assert.Equal(2, f.ApprovedCount);
        Assert.Equal(TimeSpan.FromHours(1), f.AverageTimeToApproval);
    }

    [Fact]
    public async Task RunAsync_NothingInPeriod_EmptyFiguresNoAverage()
    {
        var f = await Query.RunAsync(From, To);

        Assert.Equal(0, f.OrderCount);
        Assert.Empty(f.RevenueByMonth);
        Assert.Null(f.AverageTimeToApproval);
    }
}
