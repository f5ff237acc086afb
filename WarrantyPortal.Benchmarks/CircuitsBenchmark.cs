using System.Diagnostics;
using Microsoft.Playwright;

namespace WarrantyPortal.Benchmarks;

/// <summary>
/// Interactive circuits on the purchase page. The portal runs in its own process (<see cref="PortalChild"/>); its memory is
/// read from that process (managed heap after full compacting collections, and its working set) with the warm-up's
/// circuits closed and then with N signed-in /buy pages open in Chromium, the difference divided by N. With
/// <c>WP_HEAP_CENSUS=1</c> the live objects of the portal are also counted by type both times (by attaching to the process)
/// and the growth per circuit printed by type. Then, with them all open, the time from the last keystroke of a serial
/// number to the card showing its model and price, on each page in turn.
/// </summary>
internal static class CircuitsBenchmark
{
    private const string Serial = "702000100001";

    public static async Task RunAsync(int circuits)
    {
        await using var host = await PortalChild.StartAsync("circuits");
        var census = Environment.GetEnvironmentVariable("WP_HEAP_CENSUS") == "1";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--renderer-process-limit=8", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, Locale = "en-GB" });
        context.SetDefaultTimeout(120_000);

        // Sign in once (the context keeps the cookie) and warm up: JIT, caches, the first circuit's costs.
        var first = await context.NewPageAsync();
        await first.GotoAsync("/Account/Login?returnUrl=%2Fbuy");
        await first.Locator("input[name='Input.Email']").FillAsync("customer@demo.warrantyportal.test");
        await first.Locator("input[name='Input.Password']").FillAsync("demo-customer-2026");
        await first.Locator("button[type=submit]").First.ClickAsync();
        await first.WaitForURLAsync(u => u.EndsWith("/buy", StringComparison.Ordinal));
        await OpenBuyAsync(first);
        await TypeAndWaitAsync(first);
        // Leave the customer's saved draft empty, so every page opens on a fresh form.
        await first.Locator("[data-testid=product-card]").First.Locator("input[data-testid=product-sn]").FillAsync("");
        await first.Locator("[data-testid=product-card]").First.Locator("input[data-testid=product-sn]").BlurAsync();
        await Assertions.Expect(first.Locator("[data-testid=product-card]").First).ToHaveAttributeAsync("data-quoted", "");
        await first.WaitForTimeoutAsync(1000); // the draft is saved after the field's debounce
        await first.CloseAsync();
        for (var i = 0; i < 3; i++)
        {
            var warm = await context.NewPageAsync();
            await OpenBuyAsync(warm);
            await warm.CloseAsync();
        }

        var before = await SettledMemoryAsync(host, 0);
        var censusBefore = census ? HeapCensus.Take(host.ProcessId) : null;
        var pages = new List<IPage>();
        var open = Stopwatch.StartNew();
        for (var i = 0; i < circuits; i++)
        {
            var page = await context.NewPageAsync();
            await OpenBuyAsync(page);
            pages.Add(page);
        }
        open.Stop();
        var after = await SettledMemoryAsync(host, circuits);
        Console.WriteLine($"{circuits} circuits on /buy opened in {open.Elapsed.TotalSeconds:F0} s (portal process {host.ProcessId}, {after.OpenCircuits} circuits open)");
        Console.WriteLine($"portal managed heap: {before.ManagedBytes / 1048576.0:F1} MB -> {after.ManagedBytes / 1048576.0:F1} MB, " +
                          $"{(after.ManagedBytes - before.ManagedBytes) / 1024.0 / circuits:F0} KB per circuit");
        Console.WriteLine($"portal working set: {before.WorkingSetBytes / 1048576.0:F1} MB -> {after.WorkingSetBytes / 1048576.0:F1} MB, " +
                          $"{(after.WorkingSetBytes - before.WorkingSetBytes) / 1024.0 / circuits:F0} KB per circuit");
        if (censusBefore is not null) HeapCensus.PrintGrowth(censusBefore, HeapCensus.Take(host.ProcessId), circuits, int.TryParse(Environment.GetEnvironmentVariable("WP_HEAP_CENSUS_TOP"), out var top) ? top : 40);

        var times = new List<double>();
        foreach (var page in pages)
        {
            times.Add(await TypeAndWaitAsync(page));
        }
        times.Sort();
        Console.WriteLine($"serial number typed -> model and price shown, with {circuits} circuits open, {times.Count} pages in turn: " +
                          $"p50 {times[times.Count / 2]:F0} ms, p95 {times[(int)(times.Count * 0.95)]:F0} ms, max {times[^1]:F0} ms (includes the field's 250 ms debounce)");
        await context.CloseAsync();
    }

    private static async Task OpenBuyAsync(IPage page)
    {
        await page.GotoAsync("/buy");
        await page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.Locator("[data-testid=buy-form]").WaitForAsync();
    }

    /// <summary>Types the serial number key by key; the time runs from the last key to the card showing the quote.</summary>
    private static async Task<double> TypeAndWaitAsync(IPage page)
    {
        var card = page.Locator("[data-testid=product-card]").First;
        var input = card.Locator("input[data-testid=product-sn]");
        await input.FillAsync("");
        await input.ClickAsync();
        await input.PressSequentiallyAsync(Serial);
        var start = Stopwatch.GetTimestamp();
        await Assertions.Expect(card).ToHaveAttributeAsync("data-quoted", Serial, new() { Timeout = 120_000 });
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    /// <summary>The portal's memory once exactly <paramref name="circuits"/> circuits are open (closed tabs' circuits end shortly after).</summary>
    private static async Task<MemoryReport> SettledMemoryAsync(PortalChild host, int circuits)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var report = await host.MemoryAsync();
            if (report.OpenCircuits == circuits) return report;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{report.OpenCircuits} circuits open, expected {circuits}");
            await Task.Delay(500);
        }
    }
}
