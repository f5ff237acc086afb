using System.Diagnostics;
using System.Text;
using ClosedXML.Excel;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Eligibility;
using WarrantyPortal.Features.BatchImport;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Tests.TestSupport;
using Xunit.Abstractions;
using static WarrantyPortal.Tests.Features.BatchImport.BatchImportKit;

namespace WarrantyPortal.Tests.Features.BatchImport;

/// <summary>
/// The whole batch flow (read, check against the demo registry, build the priced preview) beside its floor (parsing
/// alone, the registry and catalogue queries alone), for the README's performance section:
/// <c>WP_BENCHMARK=1 dotnet test WarrantyPortal.Tests -c Release --filter FullyQualifiedName~BatchFlowBenchmark --logger "console;verbosity=detailed"</c>
/// </summary>
public class BatchFlowBenchmark(RegistryFixture fx, ITestOutputHelper output) : IClassFixture<RegistryFixture>
{
    private static readonly BatchTerms Reseller = new("FR", "EUR", null, CustomerProfile.ResellerCode);

    [BenchmarkFact]
    public async Task Flow_10kXlsxAnd100kCsv_PrintsReadCheckPreviewAgainstTheFloor()
    {
        var fleet = DemoFleet.Build(fx.Today).Select(d => d.SerialNumber.Value).ToList();
        var serials10k = Serials(fleet, 10_000);
        var serials100k = Serials(fleet, 100_000);
        var xlsx = Xlsx(serials10k);
        var csv = Encoding.UTF8.GetBytes("SN\r\n" + string.Join("\r\n", serials100k));
        var service = new BatchPreviewService(fx.Eligibility(), fx.Catalog, Text, TestLocalizer.For<EligibilityText>());
        output.WriteLine($"{fleet.Count} demo devices; the rest of each file is unknown serial numbers");

        await Measure("XLSX 10,000 rows: parse only", async () => (await ReadAsync(xlsx)).Rows.Count);
        await Measure("XLSX 10,000 rows: queries only", async () => await QueriesAsync(serials10k));
        await Measure("XLSX 10,000 rows: read + check + preview", async () =>
            (await service.BuildAsync(Reseller, "f.xlsx", (await ReadAsync(xlsx)).Rows)).Rows.Count);
        await Measure("CSV 100,000 rows: parse only", async () => (await ReadAsync(csv)).Rows.Count);
        await Measure("CSV 100,000 rows: queries only", async () => await QueriesAsync(serials100k));
        await Measure("CSV 100,000 rows: read + check + preview", async () =>
            (await service.BuildAsync(Reseller, "f.csv", (await ReadAsync(csv)).Rows)).Rows.Count);
    }

    private async Task<int> QueriesAsync(IReadOnlyList<string> serials)
    {
        var eligibility = fx.Eligibility();
        var request = BatchPreviewService.Request(Reseller, serials.Count);
        var count = 0;
        foreach (var chunk in serials.Chunk(BatchPreviewService.ChunkSize))
        {
            count += (await eligibility.QuoteManyAsync(chunk, request)).Count;
        }
        return count;
    }

    private static List<string> Serials(IReadOnlyList<string> fleet, int count) =>
        [.. fleet.Take(count), .. Enumerable.Range(0, Math.Max(0, count - fleet.Count)).Select(i => $"70209{i:0000000}")];

    private static byte[] Xlsx(IReadOnlyList<string> serials)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Serials");
        sheet.Cell(1, 1).SetValue("SN");
        for (var i = 0; i < serials.Count; i++) sheet.Cell(i + 2, 1).SetValue(serials[i]);
        return SerialListReaderXlsxTests.Save(workbook);
    }

    private async Task Measure(string name, Func<Task<int>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var idle = process.WorkingSet64;
        var peak = idle;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
            while (await timer.WaitForNextTickAsync(sampling.Token).AsTask().ContinueWith(t => !t.IsCanceled))
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
            }
        });
        await run(); // warm-up
        var times = new List<double>();
        var count = 0;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            count = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        await sampling.CancelAsync();
        await sampler;
        times.Sort();
        output.WriteLine($"{name}: {count} rows, median {times[1]:F0} ms (best {times[0]:F0} ms), working set +{(peak - idle) / (1024 * 1024)} MB above idle");
    }
}
