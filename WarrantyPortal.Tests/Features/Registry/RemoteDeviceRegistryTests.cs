using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Tests.TestSupport;
using Behaviour = WarrantyPortal.Tests.TestSupport.FakeRegistryPlatform.Behaviour;

namespace WarrantyPortal.Tests.Features.Registry;

public sealed class RemoteDeviceRegistryTests : IAsyncLifetime
{
    private FakeRegistryPlatform _platform = default!;
    private ServiceProvider _services = default!;

    private IDeviceRegistry Registry => _services.GetRequiredService<IDeviceRegistry>();

    public async Task InitializeAsync()
    {
        _platform = await FakeRegistryPlatform.StartAsync();
        _platform.Devices["702000096622"] = FakeRegistryPlatform.Device("702000096622");
        _platform.Devices["702000100001"] = FakeRegistryPlatform.Device("702000100001");
        // Generous timeouts: a cold first request on a busy machine must not look like a platform that is down.
        _services = BuildServices(attemptTimeout: "00:00:10", totalTimeout: "00:00:30");
    }

    private ServiceProvider BuildServices(string attemptTimeout, string totalTimeout)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Registry:Mode"] = "Remote",
            ["Registry:BaseUrl"] = _platform.BaseUrl,
            ["Registry:AttemptTimeout"] = attemptTimeout,
            ["Registry:TotalTimeout"] = totalTimeout,
            ["Registry:MaxRetries"] = "2",
            ["Registry:BreakerMinimumThroughput"] = "3",
            ["Registry:BreakDuration"] = "00:01:00",
        }).Build();
        return new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System).AddDeviceRegistry(config).BuildServiceProvider();
    }

    /// <summary>For the tests about a platform that does not answer: short timeouts so the test ends quickly.</summary>
    private async Task UseShortTimeoutsAsync()
    {
        await _services.DisposeAsync();
        _services = BuildServices(attemptTimeout: "00:00:00.300", totalTimeout: "00:00:01.500");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _platform.DisposeAsync();
    }

    [Fact]
    public void AddDeviceRegistry_RemoteMode_UsesTheRemoteRegistry()
    {
        Assert.IsType<RemoteDeviceRegistry>(Registry);
    }

    [Fact]
    public async Task FindManyAsync_PlatformAnswers_MapsKnownDevicesAndLeavesOutUnknown()
    {
        var found = await Registry.FindManyAsync([SerialNumber.Parse("7020 0009 6622"), SerialNumber.Parse("702099999999")]);
        var device = Assert.Single(found).Value;
        Assert.Equal("702000096622", device.SerialNumber.Value);
        Assert.Equal(ProductFamily.MicroInverter, device.Family);
        Assert.Equal(new DateOnly(2037, 1, 31), device.BaseWarrantyEnd);
    }

    [Fact]
    public async Task FindAsync_AskedTwice_SecondAnswerComesFromTheCache()
    {
        var sn = SerialNumber.Parse("702000096622");
        await Registry.FindAsync(sn);
        Assert.Null(await Registry.FindAsync(SerialNumber.Parse("702099999999")));
        var before = _platform.Requests;

        Assert.NotNull(await Registry.FindAsync(sn));
        Assert.Null(await Registry.FindAsync(SerialNumber.Parse("702099999999")));
        Assert.Equal(before, _platform.Requests);
    }

    [Fact]
    public async Task FindAsync_PlatformSlow_UnavailableWithinTheTimeout()
    {
        await UseShortTimeoutsAsync();
        _platform.Mode = Behaviour.Slow;
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAsync<RegistryUnavailableException>(() => Registry.FindAsync(SerialNumber.Parse("702000096622")));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task FindAsync_PlatformFailing_RetriedThenUnavailable()
    {
        _platform.Mode = Behaviour.Fail;
        await Assert.ThrowsAsync<RegistryUnavailableException>(() => Registry.FindAsync(SerialNumber.Parse("702000096622")));
        Assert.Equal(3, _platform.Requests);
    }

    [Fact]
    public async Task FindAsync_PlatformKeepsFailing_BreakerOpensAndCallsFailWithoutReachingIt()
    {
        _platform.Mode = Behaviour.Fail;
        await Assert.ThrowsAsync<RegistryUnavailableException>(() => Registry.FindAsync(SerialNumber.Parse("702000096622")));
        var reached = _platform.Requests;

        _platform.Mode = Behaviour.Normal;
        await Assert.ThrowsAsync<RegistryUnavailableException>(() => Registry.FindAsync(SerialNumber.Parse("702000100001")));
        Assert.Equal(reached, _platform.Requests);
    }

    [Theory]
    [InlineData(Behaviour.Garbage)]
    [InlineData(Behaviour.DeviceNotAsked)]
    [InlineData(Behaviour.BrokenDevice)]
    public async Task FindAsync_UnreadableAnswer_UnavailableNeverAWrongAnswer(Behaviour behaviour)
    {
        _platform.Mode = behaviour;
        await Assert.ThrowsAsync<RegistryUnavailableException>(() => Registry.FindAsync(SerialNumber.Parse("702000096622")));
    }

    [Fact]
    public async Task RecordExtensionAsync_KnownDevice_PostsItAndTheNextLookupSeesIt()
    {
        var sn = SerialNumber.Parse("702000100001");
        Assert.Empty((await Registry.FindAsync(sn))!.Extensions);
        var extension = new CoverageExtension("MI-TO20", new DateOnly(2037, 2, 1), new DateOnly(2045, 1, 31), "WP-2026-000001", "WPC-2026-000001");

        Assert.True(await Registry.RecordExtensionAsync(sn, extension));

        var (serial, body) = Assert.Single(_platform.RecordedExtensions);
        Assert.Equal("702000100001", serial);
        Assert.Equal("WP-2026-000001", body["orderNumber"]!.GetValue<string>());
        Assert.Equal(extension, Assert.Single((await Registry.FindAsync(sn))!.Extensions));
    }

    [Theory]
    [InlineData(Behaviour.Slow)]
    [InlineData(Behaviour.Fail)]
    [InlineData(Behaviour.Garbage)]
    public async Task WarrantyCheck_PlatformDownSlowOrGarbage_TellsTheUserToTryAgainShortly(Behaviour behaviour)
    {
        await UseShortTimeoutsAsync();
        _platform.Mode = behaviour;
        var options = Microsoft.Extensions.Options.Options.Create(new WarrantyPortal.Features.WarrantyCheck.WarrantyCheckOptions());
        using var db = new TestDatabase();
        var check = new WarrantyPortal.Features.WarrantyCheck.WarrantyCheckService(Registry,
            new WarrantyPortal.Features.WarrantyCheck.CheckRateLimiter(new WarrantyPortal.Infrastructure.RateLimiting.DbRateLimiter(db, TimeProvider.System), options, TimeProvider.System), options,
            TestLocalizer.For<WarrantyPortal.Features.WarrantyCheck.WarrantyCheckText>(), TimeProvider.System);

        var outcome = await check.CheckAsync(["702000096622"], "10.1.1.1");

        Assert.Equal("The device registry is not answering, try again shortly.", outcome.Error);
        Assert.Empty(outcome.Results);
    }

    [Fact]
    public async Task RecordExtensionAsync_UnknownDevice_ReturnsFalse()
    {
        var extension = new CoverageExtension("MI-TO20", new DateOnly(2037, 2, 1), new DateOnly(2045, 1, 31), "WP-2026-000002", null);
        Assert.False(await Registry.RecordExtensionAsync(SerialNumber.Parse("702099999999"), extension));
    }
}
