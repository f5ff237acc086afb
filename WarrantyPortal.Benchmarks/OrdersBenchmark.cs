using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Orders;

namespace WarrantyPortal.Benchmarks;

/// <summary>
/// The order-audit grid on a large store: fills an SQLite file with N orders, then loads the grid's first page
/// the way the page does (<see cref="OrderAuditQuery.PageAsync"/>: the status counts, then the rows) for each filter and each sort.
/// Wall time depends on what else the machine runs; the process's CPU time per page load shows the work itself.
/// Usage: dotnet run -c Release --project WarrantyPortal.Benchmarks -- orders [count] [folder] [runs] [--fresh] [--only TEXT]
/// (--only runs the cases whose name contains TEXT).
/// A store left in the folder by an earlier run is taken up when its tables match the current schema (indexes that changed
/// are built again); --fresh always generates it again.
/// </summary>
internal static class OrdersBenchmark
{
    private const int PageSize = 25;

    public static async Task RunAsync(string[] args)
    {
        var fresh = args.Contains("--fresh");
        var onlyAt = Array.IndexOf(args, "--only");
        var only = onlyAt >= 0 && onlyAt + 1 < args.Length ? args[onlyAt + 1] : null;
        args = args.Where((a, i) => a != "--fresh" && (onlyAt < 0 || (i != onlyAt && i != onlyAt + 1))).ToArray();
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "warrantyportal-bench");
        var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        Directory.CreateDirectory(folder);
        var dbPath = Path.Combine(folder, "orders.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = dbPath }.ToString();
        var counter = new StatementCounter();
        var factory = Open(connectionString, counter);

        // The current schema, on an empty file: a store left by an earlier run is taken up when its tables still match.
        var schemaPath = Path.Combine(folder, "schema.db");
        DeleteDatabase(schemaPath);
        var schemaConnectionString = new SqliteConnectionStringBuilder { DataSource = schemaPath, Pooling = false }.ToString();
        await using (var db = Open(schemaConnectionString, null).CreateDbContext()) await db.Database.MigrateAsync();

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        var cpu = Cpu();
        var watch = Stopwatch.StartNew();
        var sample = !fresh && File.Exists(dbPath) ? OrderGenerator.Reuse(connectionString, schemaConnectionString, count) : null;
        if (sample is not null)
        {
            Console.WriteLine($"Took up the {count:N0} orders of {dbPath} in {watch.Elapsed.TotalSeconds:F1} s (CPU {(Cpu() - cpu).TotalSeconds:F1} s); --fresh generates them again");
        }
        else
        {
            SqliteConnection.ClearAllPools();
            DeleteDatabase(dbPath);
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                await db.Database.MigrateAsync();
            }
            sample = OrderGenerator.Fill(connectionString, count);
            Console.WriteLine($"Generated {count:N0} orders with {sample.Lines:N0} lines in {watch.Elapsed.TotalSeconds:F1} s (CPU {(Cpu() - cpu).TotalSeconds:F1} s), " +
                              $"file {new FileInfo(dbPath).Length / 1024.0 / 1024.0:F0} MB");
        }

        var query = new OrderAuditQuery(factory);
        var random = new Random(11);
        var day = sample.LastSubmitted.Date;
        var cases = new List<(string Name, Func<OrderAuditFilter> Filter, OrderAuditSort Sort, bool Desc)>
        {
            ("awaiting audit (the page's default)", () => new() { Status = OrderStatus.Submitted }, OrderAuditSort.SubmittedAt, true),
            ("no filter", () => new(), OrderAuditSort.SubmittedAt, true),
            ("status: completed", () => new() { Status = OrderStatus.Completed }, OrderAuditSort.SubmittedAt, true),
            ("status: expired", () => new() { Status = OrderStatus.Expired }, OrderAuditSort.SubmittedAt, true),
            ("order number", () => new() { Number = sample.Number(random) }, OrderAuditSort.SubmittedAt, true),
            ("order number part", () => new() { Number = sample.Number(random)[^6..] }, OrderAuditSort.SubmittedAt, true),
            ("submitted in one week", () => Week(day.AddDays(-7 * random.Next(1, 150))), OrderAuditSort.SubmittedAt, true),
            ("submitted in one quarter", () => Quarter(day.AddDays(-90 * random.Next(1, 14))), OrderAuditSort.SubmittedAt, true),
            ("customer name part", () => new() { Customer = sample.CustomerPart(random) }, OrderAuditSort.SubmittedAt, true),
            ("customer email", () => new() { Customer = sample.Email(random) }, OrderAuditSort.SubmittedAt, true),
            ("company name part", () => new() { Company = sample.CompanyPart(random) }, OrderAuditSort.SubmittedAt, true),
            ("country", () => new() { Country = sample.Country(random) }, OrderAuditSort.SubmittedAt, true),
            ("currency", () => new() { Currency = sample.Currency(random) }, OrderAuditSort.SubmittedAt, true),
            ("payment method", () => new() { PaymentMethod = (PaymentMethod)random.Next(4) }, OrderAuditSort.SubmittedAt, true),
            ("total range", () => TotalRange(random), OrderAuditSort.SubmittedAt, true),
            ("contains serial number", () => new() { SerialNumber = sample.Serial(random) }, OrderAuditSort.SubmittedAt, true),
            ("contains serial, first digits", () => new() { SerialNumber = sample.Serial(random)[..8] }, OrderAuditSort.SubmittedAt, true),
            // Broad prefixes: a model's fixed prefix matches one order in seven, a first character up to one in three.
            ("serial, a model's prefix SI1ES120", () => new() { SerialNumber = "SI1ES120" }, OrderAuditSort.SubmittedAt, true),
            ("serial, first 4 characters", () => new() { SerialNumber = sample.Serial(random)[..4] }, OrderAuditSort.SubmittedAt, true),
            // A production run (most of the micro inverters' 7 first characters): tens of thousands of orders within months.
            ("serial, first 7 characters", () => new() { SerialNumber = sample.Serial(random)[..7] }, OrderAuditSort.SubmittedAt, true),
            ("serial, first character", () => new() { SerialNumber = sample.Serial(random)[..1] }, OrderAuditSort.SubmittedAt, true),
            ("serial, first character, by total", () => new() { SerialNumber = sample.Serial(random)[..1] }, OrderAuditSort.Total, true),
            ("country + serial, first character", () => new() { Country = sample.Country(random), SerialNumber = sample.Serial(random)[..1] }, OrderAuditSort.SubmittedAt, true),
            ("awaiting audit + serial, first character", () => new() { Status = OrderStatus.Submitted, SerialNumber = sample.Serial(random)[..1] }, OrderAuditSort.SubmittedAt, true),
            ("awaiting audit + country + currency", () => new() { Status = OrderStatus.Submitted, Country = "FR", Currency = "EUR" }, OrderAuditSort.Total, true),
        };
        foreach (var sort in Enum.GetValues<OrderAuditSort>())
        {
            cases.Add(($"sort {sort} ascending", () => new(), sort, false));
            cases.Add(($"sort {sort} descending", () => new(), sort, true));
        }

        Console.WriteLine($"First page of {PageSize} rows as the page loads it (status counts, rows); {runs} runs per case after 2 warm-ups:");
        Console.WriteLine($"{"case",-40} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"CPU p50",8} {"CPU p95",8} {"SQL",4} {"rows",11}");
        var worst = 0.0;
        var worstCpu = 0.0;
        foreach (var (name, filter, sort, desc) in cases.Where(c => only is null || c.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            var timings = new List<double>();
            var cpuTimings = new List<double>();
            var statements = 0;
            var total = "";
            for (var run = -2; run < runs; run++)
            {
                var f = filter();
                counter.Reset();
                var cpuStart = Cpu();
                var start = Stopwatch.GetTimestamp();
                var page = await query.PageAsync(f, sort, desc, 0, PageSize);
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                var cpuMs = (Cpu() - cpuStart).TotalMilliseconds;
                if (run < 0) continue;
                timings.Add(ms);
                cpuTimings.Add(cpuMs);
                statements = Math.Max(statements, counter.Count);
                total = page.TotalIs switch
                {
                    OrderAuditTotal.MoreThanCap => ">" + page.Total.ToString("N0", CultureInfo.InvariantCulture),
                    OrderAuditTotal.Open => "not counted",
                    _ => page.Total.ToString("N0", CultureInfo.InvariantCulture),
                };
            }
            timings.Sort();
            cpuTimings.Sort();
            var p95 = P95(timings);
            worst = Math.Max(worst, p95);
            worstCpu = Math.Max(worstCpu, P95(cpuTimings));
            Console.WriteLine($"{name,-40} {timings[timings.Count / 2],8:F1} {p95,8:F1} {timings[^1],8:F1} {cpuTimings[cpuTimings.Count / 2],8:F1} {P95(cpuTimings),8:F1} {statements,4} {total,11}");
        }
        Console.WriteLine($"Worst p95: {worst:F0} ms wall, {worstCpu:F0} ms CPU. Machine load average at the end: {LoadAverage()}");

        static double P95(List<double> sorted) => sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1];
    }

    private static Factory Open(string connectionString, StatementCounter? counter)
    {
        var identity = new ServiceCollection().Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3).BuildServiceProvider();
        var builder = new DbContextOptionsBuilder<ApplicationDbContext>().UseApplicationServiceProvider(identity);
        WarrantyPortal.Infrastructure.PortalSetup.ConfigureProvider(builder,
            new WarrantyPortal.Infrastructure.DatabaseOptions { ConnectionString = connectionString }, null);
        if (counter is not null) builder.AddInterceptors(counter);
        return new Factory(builder.Options);
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var f in new[] { path, path + "-wal", path + "-shm" }) File.Delete(f);
    }

    private static OrderAuditFilter Week(DateTime from) => new() { SubmittedFromUtc = from, SubmittedToUtc = from.AddDays(7) };

    private static OrderAuditFilter Quarter(DateTime from) => new() { SubmittedFromUtc = from, SubmittedToUtc = from.AddDays(90) };

    private static OrderAuditFilter TotalRange(Random random)
    {
        var from = random.Next(50, 2_000) * 100L;
        return new() { TotalFromMinor = from, TotalToMinor = from + random.Next(20, 200) * 100L };
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Counts every SQL statement the grid's contexts send.</summary>
    private sealed class StatementCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => _count;

        public void Reset() => _count = 0;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
