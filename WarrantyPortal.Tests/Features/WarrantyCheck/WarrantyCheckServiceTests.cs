using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Features.WarrantyCheck;
using WarrantyPortal.Infrastructure.RateLimiting;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.WarrantyCheck;

public class WarrantyCheckServiceTests(RegistryFixture fx) : IClassFixture<RegistryFixture>
{
    private WarrantyCheckService Service(int perWindow = 600, IDeviceRegistry? registry = null)
    {
        var options = Options.Create(new WarrantyCheckOptions { SerialNumbersPerWindow = perWindow, MaxPerQuery = 50 });
        return new WarrantyCheckService(registry ?? fx.Registry, new CheckRateLimiter(new DbRateLimiter(fx.Database, fx.Clock), options, fx.Clock), options, TestLocalizer.For<WarrantyCheckText>(), fx.Clock);
    }

    [Fact]
    public async Task CheckAsync_DemoCases_ShowStateDatesAndCertificates()
    {
        var outcome = await Service().CheckAsync(["7020 0009 6622", DemoFleet.BaseWarrantyExpired[0], DemoFleet.Eligible[0], "702099999999", "12-34"], "10.0.0.1");

        Assert.Null(outcome.Error);
        var r = outcome.Results;
        Assert.Equal([CoverageState.Valid, CoverageState.Expired, CoverageState.Valid, CoverageState.Unknown, CoverageState.Unknown], r.Select(x => x.State));
        Assert.Equal("702000096622", r[0].SerialNumber);
        Assert.Equal("DS3-H", r[0].Model);
        Assert.Equal(20, r[0].TotalYears);
        Assert.Equal("WPC-DEMO-000101", Assert.Single(r[0].Extensions).CertificateNumber);
        Assert.True(r[1].Expiry < fx.Today);
        Assert.Contains("No device", r[3].Problem);
        Assert.Contains("not a valid serial number", r[4].Problem);
    }

    [Fact]
    public async Task CheckAsync_SameDeviceTypedTwice_ShownOnce()
    {
        var outcome = await Service().CheckAsync(["702000096622", " 7020-0009-6622 ", "", null], "10.0.0.2");
        Assert.Single(outcome.Results);
    }

    [Fact]
    public async Task CheckAsync_NothingTyped_AsksForASerialNumber()
    {
        var outcome = await Service().CheckAsync(["", "  "], "10.0.0.3");
        Assert.Equal("Enter at least one serial number.", outcome.Error);
    }

    [Fact]
    public async Task CheckAsync_OverTheAddressBudget_RefusedWithWhenToRetry()
    {
        var service = Service(perWindow: 3);
        Assert.Null((await service.CheckAsync(["702000096622", "702000098111"], "10.0.0.4")).Error);

        var refused = await service.CheckAsync(["702000101980", "702000100001"], "10.0.0.4");
        var otherAddress = await service.CheckAsync(["702000101980", "702000100001"], "10.0.0.5");

        Assert.NotNull(refused.RetryAfter);
        Assert.Matches(@"Try again in \d+ minute\(s\), after \d\d:\d\d UTC", refused.Error);
        Assert.Empty(refused.Results);
        Assert.Null(otherAddress.Error);
    }

    [Fact]
    public async Task CheckAsync_TooManyAtOnce_SaysTheLimit()
    {
        var outcome = await Service().CheckAsync(Enumerable.Range(0, 51).Select(i => $"7020000{i:D5}"), "10.0.0.6");
        Assert.Equal("51 serial numbers at once is too many: check at most 50 per query.", outcome.Error);
    }

    [Fact]
    public async Task CheckAsync_RegistryDown_SaysTryAgainShortly()
    {
        var outcome = await Service(registry: new DownRegistry()).CheckAsync(["702000096622"], "10.0.0.7");
        Assert.Equal("The device registry is not answering, try again shortly.", outcome.Error);
    }

    private sealed class DownRegistry : IDeviceRegistry
    {
        public Task<DeviceRecord?> FindAsync(SerialNumber serialNumber, CancellationToken ct = default) => throw new RegistryUnavailableException("down");

        public Task<IReadOnlyDictionary<SerialNumber, DeviceRecord>> FindManyAsync(IReadOnlyCollection<SerialNumber> serialNumbers, CancellationToken ct = default) =>
            throw new RegistryUnavailableException("down");

        public Task<bool> RecordExtensionAsync(SerialNumber serialNumber, CoverageExtension extension, CancellationToken ct = default) =>
            throw new RegistryUnavailableException("down");
    }
}
