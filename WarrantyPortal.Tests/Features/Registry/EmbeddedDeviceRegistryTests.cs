using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Registry;

public class EmbeddedDeviceRegistryTests(RegistryFixture fx) : IClassFixture<RegistryFixture>
{
    [Fact]
    public async Task Seed_DemoFleet_HasFiveThousandDevicesOverSixModels()
    {
        await using var db = fx.Database.CreateDbContext();
        Assert.True(await db.Devices.CountAsync() >= 5_000);
        Assert.True(await db.Devices.Select(d => d.Model).Distinct().CountAsync() >= 6);
        Assert.Equal(5, await db.Devices.Select(d => d.Family).Distinct().CountAsync());
    }

    [Fact]
    public async Task Seed_SecondRun_AddsNothing()
    {
        await using var db = fx.Database.CreateDbContext();
        var before = await db.Devices.CountAsync();
        await new RegistryDemoSeeder(fx.Database, fx.Clock, NullLogger<RegistryDemoSeeder>.Instance).SeedAsync(default);
        Assert.Equal(before, await db.Devices.CountAsync());
    }

    [Fact]
    public async Task FindAsync_ExtendedDevice_ReturnsItsCoverageHistory()
    {
        var device = await fx.Registry.FindAsync(SerialNumber.Parse("7020 0009 6622"));
        Assert.NotNull(device);
        Assert.Equal("DS3-H", device.Model);
        Assert.Equal(ProductFamily.MicroInverter, device.Family);
        var extension = Assert.Single(device.Extensions);
        Assert.Equal("WP-DEMO-000101", extension.OrderNumber);
        Assert.Equal("WPC-DEMO-000101", extension.CertificateNumber);
        Assert.Equal(20, device.TotalYears);
    }

    [Fact]
    public async Task FindAsync_Unknown_ReturnsNull()
    {
        Assert.Null(await fx.Registry.FindAsync(SerialNumber.Parse("702099999999")));
    }

    [Fact]
    public async Task FindManyAsync_MoreThanOneBatch_FindsEveryKnownDeviceAndSkipsUnknown()
    {
        await using var db = fx.Database.CreateDbContext();
        var known = await db.Devices.OrderBy(d => d.Id).Select(d => d.SerialNumber).Take(1_200).ToListAsync();
        var asked = known.Select(SerialNumber.Parse).Append(SerialNumber.Parse("702099999999")).ToList();

        var found = await fx.Registry.FindManyAsync(asked);

        Assert.Equal(1_200, found.Count);
        Assert.All(known, sn => Assert.True(found.ContainsKey(SerialNumber.Parse(sn))));
        Assert.Equal(3, found.Values.Count(d => DemoFleet.AlreadyExtended.Contains(d.SerialNumber.Value) && d.HasExtension));
    }

    [Fact]
    public async Task RecordExtensionAsync_KnownDevice_AddsToHistoryOnce()
    {
        var sn = SerialNumber.Parse(DemoFleet.TooLateToExtend[0]);
        var before = await fx.Registry.FindAsync(sn);
        var extension = new CoverageExtension("MI-TO20", before!.BaseWarrantyEnd.AddDays(1), WarrantyYears.EndOfTerm(before.BaseWarrantyStart, 20), "WP-TEST-1", "WPC-TEST-1");

        Assert.True(await fx.Registry.RecordExtensionAsync(sn, extension));
        Assert.True(await fx.Registry.RecordExtensionAsync(sn, extension));

        var after = await fx.Registry.FindAsync(sn);
        Assert.Equal(extension, Assert.Single(after!.Extensions));
        Assert.Equal(extension.End, after.CoverageEnd);
    }

    [Fact]
    public async Task RecordExtensionAsync_UnknownDevice_ReturnsFalse()
    {
        var extension = new CoverageExtension("MI-TO20", new DateOnly(2030, 1, 1), new DateOnly(2040, 1, 1), "WP-TEST-2", null);
        Assert.False(await fx.Registry.RecordExtensionAsync(SerialNumber.Parse("702099999998"), extension));
    }
}
