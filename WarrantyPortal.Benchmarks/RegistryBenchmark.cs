using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Eligibility;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Registry;

namespace WarrantyPortal.Benchmarks;

internal static class RegistryBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        // Registry benchmark: import N devices from CSV into a fresh SQLite file, then time single lookups and a 10,000-device
        // eligibility check. Usage: dotnet run -c Release --project WarrantyPortal.Benchmarks -- [devices] [folder]
        var devices = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "warrantyportal-bench");
        Directory.CreateDirectory(folder);
        var dbPath = Path.Combine(folder, "registry.db");
        var csvPath = Path.Combine(folder, "devices.csv");
        foreach (var f in new[] { dbPath, dbPath + "-wal", dbPath + "-shm", csvPath }) File.Delete(f);

        var identity = new ServiceCollection().Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3).BuildServiceProvider();
        var optionsBuilder = new DbContextOptionsBuilder<ApplicationDbContext>().UseApplicationServiceProvider(identity);
        WarrantyPortal.Infrastructure.PortalSetup.ConfigureProvider(optionsBuilder,
            new WarrantyPortal.Infrastructure.DatabaseOptions { ConnectionString = new SqliteConnectionStringBuilder { DataSource = dbPath }.ToString() }, null);
        var options = optionsBuilder.Options;
        var factory = new Factory(options);
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.MigrateAsync();
        }
        var clock = TimeProvider.System;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Console.WriteLine($"Writing {devices:N0} devices to {csvPath}…");
        await using (var csv = File.Create(csvPath))
        {
            await RegistryCsv.WriteAsync(csv, Fleet(devices, today));
        }
        Console.WriteLine($"  {new FileInfo(csvPath).Length / 1024.0 / 1024.0:F0} MB");

        // Wall time depends on what else the machine runs; the process's CPU time shows the work itself.
        static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        var cpu = Cpu();
        var watch = Stopwatch.StartNew();
        RegistryImportResult import;
        await using (var input = new FileStream(csvPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            import = await new RegistryImportService(factory, clock).ImportAsync(input);
        }
        var importTime = watch.Elapsed;
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0;
        Console.WriteLine($"Import: {import.Inserted:N0} inserted, {import.RejectedCount:N0} rejected in {importTime.TotalSeconds:F1} s, CPU {(Cpu() - cpu).TotalSeconds:F1} s (peak working set {peakMb:F0} MB)");

        await new CatalogDemoSeeder(factory, clock).SeedAsync(default);
        var registry = new EmbeddedDeviceRegistry(factory, clock);
        var random = new Random(7);
        var sample = Enumerable.Range(0, 10_000).Select(_ => Serial(random.Next(devices))).ToList();

        for (var i = 0; i < 3_000; i++) await registry.FindAsync(sample[i]); // warm up
        cpu = Cpu();
        var timings = new double[sample.Count];
        for (var i = 0; i < sample.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            if (await registry.FindAsync(sample[i]) is null) throw new InvalidOperationException($"{sample[i]} not found");
            timings[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(timings);
        Console.WriteLine($"Lookup by serial number ({sample.Count:N0} lookups): p50 {timings[timings.Length / 2]:F3} ms, p99 {timings[(int)(timings.Length * 0.99)]:F3} ms, CPU {(Cpu() - cpu).TotalMilliseconds / sample.Count:F3} ms per lookup");

        var eligibility = new EligibilityService(registry, new CatalogQuery(factory), new NoOpenOrders(),
            new Microsoft.Extensions.Localization.StringLocalizer<EligibilityText>(new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
                Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()), NullLoggerFactory.Instance)), clock);
        var inputs = sample.Select(s => s.Value).ToList();
        await eligibility.QuoteManyAsync(inputs.Take(500).ToList(), new QuoteRequest("FR", "EUR"));
        watch.Restart();
        var many = await registry.FindManyAsync(sample);
        Console.WriteLine($"  registry lookup of {sample.Count:N0} in batches: {watch.Elapsed.TotalMilliseconds:F0} ms ({many.Count:N0} found)");
        var runs = new List<double>();
        var cpuRuns = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            cpu = Cpu();
            watch.Restart();
            var quotes = await eligibility.QuoteManyAsync(inputs, new QuoteRequest("FR", "EUR", CustomerProfile.ResellerCode));
            runs.Add(watch.Elapsed.TotalMilliseconds);
            cpuRuns.Add((Cpu() - cpu).TotalMilliseconds);
            if (run == 0) Console.WriteLine($"  {quotes.Count(q => q.CanExtend):N0} of {quotes.Count:N0} devices may be extended");
        }
        Console.WriteLine($"Eligibility for {inputs.Count:N0} serial numbers: best {runs.Min():F0} ms, worst {runs.Max():F0} ms (CPU {cpuRuns.Min():F0} ms)");
        Console.WriteLine($"Machine load average at the end: {LoadAverage()}");

        static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

        static SerialNumber Serial(int i) => SerialNumber.Parse("7021" + i.ToString("D8", CultureInfo.InvariantCulture));

        static async IAsyncEnumerable<DeviceRecord> Fleet(int count, DateOnly today)
        {
            var random = new Random(42);
            string[] models = ["DS3-H", "DS3-L", "QT2D"];
            for (var i = 0; i < count; i++)
            {
                var commissioned = today.AddDays(-random.Next(0, 12 * 365));
                yield return new DeviceRecord(Serial(i), models[i % 3], ProductFamily.MicroInverter, 880, commissioned.AddDays(-60), commissioned,
                    commissioned, WarrantyYears.EndOfTerm(commissioned, 12), "FR", null, []);
                if (i % 50_000 == 0) await Task.Yield();
            }
        }
    }
}


internal sealed class Factory(DbContextOptions<ApplicationDbContext> options) : IDbContextFactory<ApplicationDbContext>
{
    public ApplicationDbContext CreateDbContext() => new(options);
}
