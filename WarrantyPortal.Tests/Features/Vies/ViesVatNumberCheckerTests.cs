using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Features.Vies;
using WarrantyPortal.Tests.TestSupport;
using Behaviour = WarrantyPortal.Tests.TestSupport.FakeVies.Behaviour;

namespace WarrantyPortal.Tests.Features.Vies;

/// <summary>The VIES client against a loopback server answering like VIES, and like VIES on a bad day.</summary>
public sealed class ViesVatNumberCheckerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 9, 30, 0, TimeSpan.Zero);
    private FakeVies _vies = default!;
    private ServiceProvider _services = default!;

    private IVatNumberChecker Checker => _services.GetRequiredService<IVatNumberChecker>();

    public async Task InitializeAsync()
    {
        _vies = await FakeVies.StartAsync();
        // A generous timeout: a cold first request on a busy machine must not look like VIES being down.
        _services = Build(new() { ["Vies:BaseUrl"] = _vies.BaseUrl, ["Vies:Timeout"] = "00:00:20" });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _vies.DisposeAsync();
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, bool development = true)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(new ManualClock(Now))
            .AddVies(config, development).BuildServiceProvider();
    }

    private static VatNumber Vat(string s) => VatNumber.TryParse(s, out var v) ? v! : throw new ArgumentException(s);

    [Fact]
    public async Task CheckAsync_RegisteredNumber_ValidWithTraderNameAddressAndTime()
    {
        var answer = await Checker.CheckAsync(Vat("DE 811 128 135"));

        Assert.NotNull(answer);
        Assert.Equal(VatCheckOutcome.Valid, answer.Outcome);
        Assert.Equal(("DE811128135", "Sonnenstrom GmbH", "WAPIAAAAZ1234567"), (answer.VatNumber, answer.Name, answer.ConsultationNumber));
        Assert.Contains("Berlin", answer.Address);
        Assert.Equal(Now.UtcDateTime, answer.CheckedAtUtc);
        var sent = Assert.Single(_vies.Received);
        Assert.Equal(("DE", "811128135"), (sent["countryCode"]!.GetValue<string>(), sent["vatNumber"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CheckAsync_TraderNotDisclosed_ValidWithoutName()
    {
        var answer = await Checker.CheckAsync(Vat("NL004495445B01"));

        Assert.Equal(VatCheckOutcome.Valid, answer!.Outcome);
        Assert.Null(answer.Name);
        Assert.Null(answer.Address);
    }

    [Fact]
    public async Task CheckAsync_UnknownNumber_Invalid()
    {
        var answer = await Checker.CheckAsync(Vat("DE999999999"));

        Assert.Equal(VatCheckOutcome.Invalid, answer!.Outcome);
        Assert.False(answer.AllowsReverseCharge);
    }

    [Fact]
    public async Task CheckAsync_AskedTwice_SecondAnswerReusedWithoutAskingVies()
    {
        await Checker.CheckAsync(Vat("DE811128135"));
        await Checker.CheckAsync(Vat("DE811128135"));

        Assert.Equal(1, _vies.Requests);
    }

    [Fact]
    public async Task CheckAsync_ViesTooSlow_UnavailableOnceTheTimeoutPasses()
    {
        await _services.DisposeAsync();
        _services = Build(new() { ["Vies:BaseUrl"] = _vies.BaseUrl, ["Vies:Timeout"] = "00:00:00.500" });
        _vies.Mode = Behaviour.Slow;

        var answer = await Checker.CheckAsync(Vat("DE811128135"));

        Assert.Equal(VatCheckOutcome.Unavailable, answer!.Outcome);
        Assert.True(answer.AllowsReverseCharge);
        Assert.Equal(1, _vies.Requests);
    }

    [Theory]
    [InlineData(Behaviour.ServerError)]
    [InlineData(Behaviour.Garbage)]
    [InlineData(Behaviour.MemberStateUnavailable)]
    public async Task CheckAsync_ViesFailsOrAnswersGarbage_UnavailableNeverInvalid(Behaviour behaviour)
    {
        _vies.Mode = behaviour;

        var answer = await Checker.CheckAsync(Vat("DE811128135"));

        Assert.Equal(VatCheckOutcome.Unavailable, answer!.Outcome);
        Assert.Equal(Now.UtcDateTime, answer.CheckedAtUtc);
    }

    [Fact]
    public async Task CheckAsync_ViesUnreachable_Unavailable()
    {
        await _services.DisposeAsync();
        _services = Build(new() { ["Vies:BaseUrl"] = $"http://127.0.0.1:{SmtpListener.FreePort()}/rest-api/" });

        var answer = await Checker.CheckAsync(Vat("DE811128135"));

        Assert.Equal(VatCheckOutcome.Unavailable, answer!.Outcome);
    }

    [Fact]
    public void AddVies_DevelopmentWithoutBaseUrl_FormatCheckOnlySoThePortalWorksOffline()
    {
        using var dev = Build([]);
        using var prod = Build([], development: false);
        using var off = Build(new() { ["Vies:Enabled"] = "false", ["Vies:BaseUrl"] = _vies.BaseUrl });

        Assert.IsType<FormatOnlyVatNumberChecker>(dev.GetRequiredService<IVatNumberChecker>());
        Assert.IsType<ViesVatNumberChecker>(prod.GetRequiredService<IVatNumberChecker>());
        Assert.IsType<FormatOnlyVatNumberChecker>(off.GetRequiredService<IVatNumberChecker>());
    }
}
