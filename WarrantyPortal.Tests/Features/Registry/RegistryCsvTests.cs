using System.Text;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Registry;

namespace WarrantyPortal.Tests.Features.Registry;

public class RegistryCsvTests
{
    private static async Task<List<RegistryCsvRow>> ReadAsync(string csv)
    {
        var rows = new List<RegistryCsvRow>();
        await foreach (var row in RegistryCsv.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)))) rows.Add(row);
        return rows;
    }

    [Fact]
    public async Task ReadAsync_MixedFile_AcceptsGoodRowsAndGivesLineAndReasonForBadOnes()
    {
        await using var file = File.OpenRead(Path.Combine("TestData", "Registry", "devices-mixed.csv"));
        var rows = new List<RegistryCsvRow>();
        await foreach (var row in RegistryCsv.ReadAsync(file)) rows.Add(row);

        Assert.Equal(8, rows.Count);
        var bad = rows.Where(r => r.Device is null).Select(r => (r.Line, r.Problem)).ToList();
        Assert.Equal([3, 4, 5, 7], bad.Select(b => b.Line));
        Assert.Contains("length or format", bad[0].Problem);
        Assert.Contains("Family 'Toaster'", bad[1].Problem);
        Assert.Contains("ProductionDate '2025-13-02'", bad[2].Problem);
        Assert.Contains("is not after the warranty start", bad[3].Problem);

        var first = rows[0].Device!;
        Assert.Equal("702099990001", first.SerialNumber.Value);
        Assert.Equal("FR", first.CountryCode);
        Assert.Equal(new DateOnly(2025, 2, 1), first.BaseWarrantyStart); // defaults to commissioning
        Assert.Equal("216000123456", first.GatewaySerialNumber);
        Assert.Equal(ProductFamily.MicroInverter, rows[4].Device!.Family);
    }

    [Fact]
    public async Task ReadAsync_MissingRequiredColumns_NamesThem()
    {
        var e = await Assert.ThrowsAsync<RegistryCsv.FileProblemException>(() => ReadAsync("SerialNumber,Model\n702000096622,DS3-H\n"));
        Assert.Contains("Family, ProductionDate, BaseWarrantyEnd, CountryCode", e.Message);
    }

    [Fact]
    public async Task ReadAsync_EmptyFile_SaysItNeedsAHeader()
    {
        await Assert.ThrowsAsync<RegistryCsv.FileProblemException>(() => ReadAsync(""));
    }

    [Fact]
    public async Task WriteAsync_ThenReadAsync_RoundTripsEveryField()
    {
        var device = new DeviceRecord(SerialNumber.Parse("HY3K6ES220000001"), "HY-6K, \"EU\"", ProductFamily.HybridInverter, 6000,
            new DateOnly(2025, 1, 2), null, new DateOnly(2025, 1, 2), new DateOnly(2035, 1, 1), "IT", null, []);
        using var ms = new MemoryStream();
        await RegistryCsv.WriteAsync(ms, new[] { device }.ToAsyncEnumerable());

        var rows = await ReadAsync(Encoding.UTF8.GetString(ms.ToArray()));

        Assert.Equal(device, Assert.Single(rows).Device! with { Extensions = device.Extensions });
    }
}
