using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Fulfilment;

namespace WarrantyPortal.Tests.Features.Fulfilment;

public sealed class MyDevicesQueryTests : IDisposable
{
    private readonly FulfilmentHarness _h = new();

    private MyDevicesQuery Query => new(_h.Db, _h.Registry, _h.Clock);

    private async Task<string> CancelledOrderDeviceAsync()
    {
        var order = await _h.ApprovedOrderAsync(1);
        await using var db = _h.Db.CreateDbContext();
        var tracked = await db.Orders.SingleAsync(o => o.Id == order.Id);
        tracked.Cancel(OrderActor.System, _h.Clock.GetUtcNow().UtcDateTime, "Changed my mind");
        await db.SaveChangesAsync();
        return order.Lines[0].SerialNumber;
    }

    [Fact]
    public async Task ListAsync_ExtendedOpenAndCancelledOrders_GroupsByWhatTheOwnerCanDo()
    {
        var paid = await _h.PaidOrderAsync(1);
        await _h.Service.RunOnceAsync();
        var open = await _h.ApprovedOrderAsync(1);
        var cancelled = await CancelledOrderDeviceAsync();
        await _h.PaidOrderAsync(1, userId: FulfilmentHarness.Bob);

        var devices = await Query.ListAsync(FulfilmentHarness.Alice);

        Assert.Equal(3, devices.Count);
        var extended = devices.Single(d => d.SerialNumber == paid.Lines[0].SerialNumber);
        Assert.Equal(DeviceGroup.Covered, extended.Group);
        Assert.Equal("WC-2026-000001", extended.CertificateNumber);
        Assert.Equal(new DateOnly(2045, 2, 28), extended.CoverageEnd);
        Assert.Equal(DeviceGroup.OnOrder, devices.Single(d => d.SerialNumber == open.Lines[0].SerialNumber).Group);
        var extendable = devices.Single(d => d.SerialNumber == cancelled);
        Assert.Equal(DeviceGroup.Extendable, extendable.Group);
        Assert.Equal(new DateOnly(2027, 3, 1), extendable.ExtendUntil);
        Assert.Equal(DeviceGroup.Extendable, devices[0].Group);
    }

    [Fact]
    public async Task ListAsync_BaseWarrantyEndsWithinNinetyDays_ExpiringSoon()
    {
        var serial = await CancelledOrderDeviceAsync();
        _h.Clock.Set(new DateTimeOffset(2037, 1, 10, 8, 0, 0, TimeSpan.Zero));

        var device = Assert.Single(await Query.ListAsync(FulfilmentHarness.Alice));

        Assert.Equal(serial, device.SerialNumber);
        Assert.Equal(DeviceGroup.ExpiringSoon, device.Group);
        Assert.Null(device.ExtendUntil);
    }

    [Fact]
    public void ExtendUrl_SeveralDevices_OneSnParameterEach()
    {
        Assert.Equal("/buy?sn=702000000001&sn=702000000002", MyDevicesQuery.ExtendUrl(["702000000001", "702000000002"]));
    }

    public void Dispose() => _h.Dispose();
}
