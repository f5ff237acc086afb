using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Faults;

/// <summary>
/// The registry import (<c>registry import devices.csv</c>) killed with SIGKILL halfway through a large file: the database
/// holds whole batches only and is sound; running the same import again finishes it, with every device once.
/// </summary>
public sealed class RegistryImportKillTests : IDisposable
{
    private const int Rows = 300_000;
    private readonly TestDatabase _db = new();

    [Fact]
    public async Task Import_ProcessKilledMidFile_WholeBatchesOnlyAndRerunCompletes()
    {
        var csv = Path.Combine(_db.Folder, "devices.csv");
        await WriteFleetAsync(csv);

        using (var doomed = PortalProcess.Start(_db.Path, _db.Folder, "registry", "import", csv))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (Count() < RegistryImportService.BatchSize)
            {
                Assert.False(doomed.HasExited, "the import ended before it could be killed: " + doomed.Output);
                Assert.True(DateTime.UtcNow < deadline, "the import wrote nothing: " + doomed.Output);
                await Task.Delay(20);
            }
            doomed.Kill();
        }

        var afterKill = Count();
        Assert.InRange(afterKill, RegistryImportService.BatchSize, Rows - 1);
        Assert.Equal(0, afterKill % RegistryImportService.BatchSize);
        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));

        using var rerun = PortalProcess.Start(_db.Path, _db.Folder, "registry", "import", csv);
        Assert.Equal(0, await rerun.WaitForExitAsync(TimeSpan.FromMinutes(5)));
        var summary = Regex.Match(rerun.Output, @"(\S+) new devices, (\S+) updated");
        Assert.True(summary.Success, rerun.Output);
        Assert.Equal(Rows - afterKill, Digits(summary.Groups[1].Value));
        Assert.Equal(afterKill, Digits(summary.Groups[2].Value));
        Assert.Equal(Rows, Count());
        Assert.Equal((long)Rows, Scalar("SELECT COUNT(DISTINCT SerialNumber) FROM Devices"));
        Assert.Equal("2037-01-31", Scalar($"SELECT BaseWarrantyEnd FROM Devices WHERE SerialNumber = '{Serial(Rows - 1)}'"));
    }

    private static long Digits(string s) => long.Parse(new string(s.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);

    private static string Serial(int i) => "703" + i.ToString("000000000", CultureInfo.InvariantCulture);

    private static async Task WriteFleetAsync(string path)
    {
        await using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await w.WriteLineAsync("SerialNumber,Model,Family,RatedPowerW,ProductionDate,CommissioningDate,BaseWarrantyEnd,CountryCode");
        for (var i = 0; i < Rows; i++)
        {
            await w.WriteLineAsync($"{Serial(i)},DS3-H,MicroInverter,880,2025-01-10,2025-02-01,2037-01-31,FR");
        }
    }

    private long Count() => (long)Scalar("SELECT COUNT(*) FROM Devices")!;

    private object? Scalar(string sql)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _db.Path, Pooling = false, DefaultTimeout = 30 }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    public void Dispose() => _db.Dispose();
}
