using System.Diagnostics;
using System.Text;
using ClosedXML.Excel;
using WarrantyPortal.Features.BatchImport;
using Xunit.Abstractions;
using static WarrantyPortal.Tests.Features.BatchImport.BatchImportKit;

namespace WarrantyPortal.Tests.Features.BatchImport;

/// <summary>Runs only when WP_BENCHMARK=1: a measurement, not a test.</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("WP_BENCHMARK") != "1")
        {
            Skip = "Benchmark: run with WP_BENCHMARK=1.";
        }
    }
}

/// <summary>
/// Parse-stage figures for the README's performance section:
/// <c>WP_BENCHMARK=1 dotnet test WarrantyPortal.Tests -c Release --filter FullyQualifiedName~BatchImportBenchmark --logger "console;verbosity=detailed"</c>
/// </summary>
public class BatchImportBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public async Task Parse_100kRowCsvAnd10kRowXlsx_PrintsTimeAndMemory()
    {
        var csv = Csv(100_000);
        var xlsx10k = Xlsx(10_000);
        var xlsx100k = Xlsx(100_000);
        var refill = Enumerable.Range(0, 100_000)
            .Select(i => new RefillRow(i + 2, (700000000000L + i).ToString(), "EXT5", null, "Unknown serial number."))
            .ToList();
        output.WriteLine($"files: CSV 100k rows {csv.Length / 1024} KB, XLSX 10k rows {xlsx10k.Length / 1024} KB, XLSX 100k rows {xlsx100k.Length / 1024} KB");

        await Measure("CSV 100,000 rows", async () => (await ReadAsync(csv)).Rows.Count);
        await Measure("XLSX 10,000 rows", async () => (await ReadAsync(xlsx10k)).Rows.Count);
        await Measure("XLSX 100,000 rows", async () => (await ReadAsync(xlsx100k)).Rows.Count);
        await Measure("Refill XLSX 100,000 rows (write)", () => Task.FromResult(Templates().Refill(refill).Length), "bytes");
    }

    private async Task Measure(string name, Func<Task<int>> run, string unit = "rows")
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var idle = process.WorkingSet64;
        var peak = idle;
        var idleHeap = GC.GetTotalMemory(false);
        var peakHeap = idleHeap;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
            while (await timer.WaitForNextTickAsync(sampling.Token).AsTask().ContinueWith(t => !t.IsCanceled))
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
            }
        });
        await run(); // warm-up (JIT, resource lookups), inside the memory sampling: the first run grows the heap
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var times = new List<double>();
        var count = 0;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            count = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        var allocatedPerRun = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 3;
        await sampling.CancelAsync();
        await sampler;
        times.Sort();
        output.WriteLine($"{name}: {count} {unit}, median {times[1]:F0} ms (best {times[0]:F0} ms), " +
                         $"peak managed heap +{(peakHeap - idleHeap) / (1024 * 1024)} MB and working set +{(peak - idle) / (1024 * 1024)} MB above idle, allocated {allocatedPerRun / (1024 * 1024)} MB per run");
    }

    private static byte[] Csv(int rows)
    {
        var text = new StringBuilder("SN;Plan;Gateway/ECU\r\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(700000000000L + i).Append(";EXT5;").Append(215000000000L + i / 100).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] Xlsx(int rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Serials");
        sheet.Cell(1, 1).SetValue("SN");
        sheet.Cell(1, 2).SetValue("Plan");
        sheet.Cell(1, 3).SetValue("Gateway/ECU");
        for (var i = 0; i < rows; i++)
        {
            sheet.Cell(i + 2, 1).SetValue(700000000000L + i);
            sheet.Cell(i + 2, 2).SetValue("EXT5");
            sheet.Cell(i + 2, 3).SetValue((215000000000L + i / 100).ToString());
        }
        return SerialListReaderXlsxTests.Save(workbook);
    }
}
