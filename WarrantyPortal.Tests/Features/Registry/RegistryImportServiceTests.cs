using System.Text;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Registry;

public class RegistryImportServiceTests(RegistryFixture fx) : IClassFixture<RegistryFixture>
{
    private RegistryImportService Service => new(fx.Database, fx.Clock);

    [Fact]
    public async Task ImportAsync_MixedFile_InsertsNewUpdatesKnownAndReportsRejectedLines()
    {
        await using var file = File.OpenRead(Path.Combine("TestData", "Registry", "devices-mixed.csv"));
        var result = await Service.ImportAsync(file);

        Assert.True(result.Succeeded);
        Assert.Equal(8, result.Rows);
        Assert.Equal(3, result.Inserted);
        Assert.Equal(1, result.Updated);
        Assert.Equal(4, result.RejectedCount);
        Assert.Equal([3L, 4, 5, 7], result.Rejected.Select(r => r.Line));
        Assert.Equal("702099990002", result.Rejected[1].SerialNumber);

        var added = await fx.Registry.FindAsync(SerialNumber.Parse("702099990001"));
        Assert.Equal("DS3-H", added!.Model);
        var updated = await fx.Registry.FindAsync(SerialNumber.Parse("702000096622"));
        Assert.Equal(900, updated!.RatedPowerW);
        Assert.Single(updated.Extensions); // coverage history survives an update
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_SecondTimeOnlyUpdates()
    {
        var csv = "SerialNumber,Model,Family,ProductionDate,BaseWarrantyEnd,CountryCode\n806077770001,QT2D,MicroInverter,2025-01-01,2037-01-01,PL\n";
        var first = await Service.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        var second = await Service.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        Assert.Equal((1, 0), (first.Inserted, first.Updated));
        Assert.Equal((0, 1), (second.Inserted, second.Updated));
    }

    [Fact]
    public async Task ImportAsync_MoreRowsThanABatch_WritesThemAll()
    {
        var sb = new StringBuilder("SerialNumber,Model,Family,ProductionDate,BaseWarrantyEnd,CountryCode\n");
        for (var i = 0; i < RegistryImportService.BatchSize + 10; i++) sb.Append($"70208{i:D7},DS3-L,MicroInverter,2025-01-01,2037-01-01,FR\n");
        var result = await Service.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString())));
        Assert.Equal(RegistryImportService.BatchSize + 10, result.Inserted);
        Assert.NotNull(await fx.Registry.FindAsync(SerialNumber.Parse($"70208{RegistryImportService.BatchSize + 9:D7}")));
    }

    [Fact]
    public async Task ImportAsync_WrongHeader_FileProblemAndNothingWritten()
    {
        var result = await Service.ImportAsync(new MemoryStream("SN\n702000096622\n"u8.ToArray()));
        Assert.False(result.Succeeded);
        Assert.Contains("lacks the column(s)", result.FileProblem);
        Assert.Equal(0, result.Inserted + result.Updated);
    }

    [Fact]
    public async Task ExportAsync_DemoRegistry_WritesHeaderAndEveryDevice()
    {
        using var ms = new MemoryStream();
        await Service.ExportAsync(ms);
        var lines = Encoding.UTF8.GetString(ms.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", RegistryCsv.Columns), lines[0].TrimEnd('\r'));
        Assert.True(lines.Length > DemoFleet.GeneratedCount);
        Assert.Contains(lines, l => l.StartsWith("702000096622,DS3-H,MicroInverter,", StringComparison.Ordinal));
    }
}
