using WarrantyPortal.Features.Fulfilment;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Fulfilment;

/// <summary>The public verification page's answer for certificates issued here, certificates known only from the registry, and forgeries.</summary>
public class CertificateVerificationTests
{
    private static void RecordInRegistry(FulfilmentHarness h, string serial, string certificate, DateOnly end)
    {
        using var db = h.Db.CreateDbContext();
        var device = db.Devices.Single(d => d.SerialNumber == serial);
        db.DeviceExtensions.Add(new DeviceExtension
        {
            DeviceId = device.Id, PlanCode = FulfilmentHarness.PlanCode, StartDate = device.BaseWarrantyEnd.AddDays(1), EndDate = end,
            OrderNumber = "SHOP-2024-0042", CertificateNumber = certificate, RecordedAtUtc = h.Clock.GetUtcNow().UtcDateTime,
        });
        db.SaveChanges();
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task CertificateKnownOnlyFromTheRegistry_IsGenuineWithTheRegistrysDates(string provider)
    {
        using var h = new FulfilmentHarness(provider);
        var serial = h.AddDevices(1)[0];
        RecordInRegistry(h, serial, "WPC-2024-000042", new DateOnly(2045, 2, 28));

        var check = await h.Verification.CheckAsync(" wpc-2024-000042 ");

        Assert.Equal(VerificationState.Valid, check.State);
        Assert.True(check.RecordedInRegistry);
        Assert.Equal(serial, check.SerialNumber);
        Assert.Equal("DS3-H", check.Model);
        Assert.Equal(new DateOnly(2045, 2, 28), check.NewWarrantyEnd);
        Assert.Equal("Extension to 20 years", check.PlanName);
        Assert.Null(check.IssueDate);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task RegistryCertificateWhoseCoverEnded_IsGenuineButExpired(string provider)
    {
        using var h = new FulfilmentHarness(provider);
        var serial = h.AddDevices(1)[0];
        RecordInRegistry(h, serial, "WPC-2010-000007", new DateOnly(2026, 6, 20));

        var check = await h.Verification.CheckAsync("WPC-2010-000007");

        Assert.Equal(VerificationState.Expired, check.State);
        Assert.True(check.RecordedInRegistry);
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task NumberNobodyIssued_IsUnknown(string provider)
    {
        using var h = new FulfilmentHarness(provider);
        var serial = h.AddDevices(1)[0];
        RecordInRegistry(h, serial, "WPC-2024-000042", new DateOnly(2045, 2, 28));

        Assert.Equal(VerificationState.Unknown, (await h.Verification.CheckAsync("WPC-2024-000043")).State);
        Assert.Equal(VerificationState.Unknown, (await h.Verification.CheckAsync("")).State);
        Assert.Equal(VerificationState.Unknown, (await h.Verification.CheckAsync(new string('W', 41))).State);
    }

    [Fact]
    public async Task CertificateIssuedHere_IsNotSaidToComeFromTheRegistry()
    {
        using var h = new FulfilmentHarness();
        var order = await h.PaidOrderAsync(1);
        await h.Service.RunOnceAsync();
        using var db = h.Db.CreateDbContext();
        var number = db.Certificates.Single().Number;

        var check = await h.Verification.CheckAsync(number);

        Assert.Equal(VerificationState.Valid, check.State);
        Assert.False(check.RecordedInRegistry);
        Assert.NotNull(check.IssueDate);
    }
}
