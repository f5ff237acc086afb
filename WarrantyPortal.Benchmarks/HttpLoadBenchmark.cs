using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Benchmarks;

/// <summary>
/// Requests per second and p95 latency at N concurrent clients for public pages and the warranty check endpoint of the
/// real portal (demo data), and for a bare minimal-API endpoint doing the same registry query on the same database file.
/// The load comes from wrk when installed (its own process), otherwise from an HttpClient loop in this process.
/// </summary>
internal static class HttpLoadBenchmark
{
    private const string Serial = "702000096622"; // a device with coverage history: the check's heaviest ordinary answer

    public static async Task RunAsync(int clients, int seconds)
    {
        // The per-address limits would answer 429 to a single load generator; lifted here to measure the work itself.
        await using var host = await LoadHost.StartAsync("http", new Dictionary<string, string?>
        {
            ["WarrantyCheck:RequestsPerMinute"] = "1000000000",
            ["WarrantyCheck:SerialNumbersPerWindow"] = "1000000000",
        });
        await using var bare = await StartBareAsync(host.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value);
        var bareUrl = bare.Urls.First();

        var targets = new (string Name, string Url)[]
        {
            ("home page /", host.BaseUrl + "/"),
            ("warranty check page /check", host.BaseUrl + "/check"),
            ("terms page /terms", host.BaseUrl + "/terms"),
            ($"check API /api/warranty-check?sn={Serial}", $"{host.BaseUrl}/api/warranty-check?sn={Serial}"),
            ("bare minimal API, same registry query", $"{bareUrl}/bare/warranty-check?sn={Serial}"),
        };
        var wrk = File.Exists("/usr/bin/wrk") ? "/usr/bin/wrk" : null;
        Console.WriteLine($"{clients} concurrent clients, {seconds} s per target after a 3 s warm-up, load from {(wrk ?? "an in-process HttpClient loop")}; {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"target",-52} {"req/s",9} {"p50 ms",8} {"p95 ms",8} {"errors",7}");
        var results = new List<(string Name, double Rps, double P95)>();
        foreach (var (name, url) in targets)
        {
            await MeasureAsync(wrk, url, clients, 3);
            var r = await MeasureAsync(wrk, url, clients, seconds);
            results.Add((name, r.Rps, r.P95));
            Console.WriteLine($"{name,-52} {r.Rps,9:F0} {r.P50,8:F1} {r.P95,8:F1} {r.Errors,7}");
        }
        var portal = results[^2];
        var minimal = results[^1];
        Console.WriteLine($"check API vs bare endpoint: {portal.Rps / minimal.Rps:P0} of the throughput, p95 {portal.P95 / minimal.P95:F1}x");
    }

    /// <summary>The same lookup the check does, with nothing else: no pages, middleware, localisation or limits.</summary>
    private static async Task<WebApplication> StartBareAsync(DatabaseOptions database)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddDbContextFactory<ApplicationDbContext>(o => PortalSetup.ConfigureProvider(o, database, null));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EmbeddedDeviceRegistry>();
        var app = builder.Build();
        app.MapGet("/bare/warranty-check", async (string sn, EmbeddedDeviceRegistry registry, CancellationToken ct) =>
        {
            var devices = await registry.FindManyAsync([SerialNumber.Parse(sn)], ct);
            return Results.Json(devices.Values.Select(d => new { serialNumber = d.SerialNumber.Value, d.Model, d.BaseWarrantyEnd, d.CoverageEnd, d.Extensions }));
        });
        await app.StartAsync();
        return app;
    }

    private sealed record Measure(double Rps, double P50, double P95, long Errors);

    private static Task<Measure> MeasureAsync(string? wrk, string url, int clients, int seconds) =>
        wrk is not null ? WrkAsync(wrk, url, clients, seconds) : LoopAsync(url, clients, seconds);

    private static async Task<Measure> WrkAsync(string wrk, string url, int clients, int seconds)
    {
        var script = Path.Combine(Path.GetTempPath(), "warrantyportal-bench-p95.lua");
        await File.WriteAllTextAsync(script, """
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("RESULT %d %d %d %d %d\n", summary.requests, summary.duration,
                latency:percentile(50), latency:percentile(95), e.connect + e.read + e.write + e.status + e.timeout))
            end
            """);
        var info = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "-t2", $"-c{clients}", $"-d{seconds}s", "--timeout", "10s", "-s", script, url }) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        var m = Regex.Match(output, @"RESULT (\d+) (\d+) (\d+) (\d+) (\d+)");
        if (!m.Success) throw new InvalidOperationException("wrk said: " + output);
        double N(int i) => double.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        return new Measure(N(1) / (N(2) / 1e6), N(3) / 1000, N(4) / 1000, (long)N(5));
    }

    private static async Task<Measure> LoopAsync(string url, int clients, int seconds)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        long errors = 0;
        var watch = Stopwatch.StartNew();
        var lists = await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            var latencies = new List<double>();
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(url);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            return latencies;
        }));
        var all = lists.SelectMany(l => l).Order().ToArray();
        return new Measure(all.Length / watch.Elapsed.TotalSeconds, all[all.Length / 2], all[(int)(all.Length * 0.95)], errors);
    }
}
