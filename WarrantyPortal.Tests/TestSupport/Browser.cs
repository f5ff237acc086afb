using Microsoft.Playwright;

namespace WarrantyPortal.Tests.TestSupport;

/// <summary>
/// Debian's Chromium driven by Playwright, plus one running portal, shared by the browser journeys of a collection.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture() : this(null) { }

    /// <summary>A fixture whose portal runs with extra settings (e.g. a bank account for wire transfers).</summary>
    protected BrowserFixture(IDictionary<string, string?>? settings) => App = new PortalApp(settings);

    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"];

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public PortalApp App { get; }

    public async Task InitializeAsync()
    {
        // A busy machine (CI, every fixture starting its portal at once) may take many seconds to answer: wait for conditions
        // generously (a minute), never for a fixed time.
        Assertions.SetDefaultExpectTimeout(60_000);
        App.Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (its own cookies) at the given viewport width.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        App.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>A portal of their own for journeys that change the demo fleet for good (paying extends devices).</summary>
public sealed class FulfilmentBrowserFixture : BrowserFixture;

[CollectionDefinition(Name)]
public sealed class FulfilmentBrowserCollection : ICollectionFixture<FulfilmentBrowserFixture>
{
    public const string Name = "browser-fulfilment";
}

public static class PageExtensions
{
    /// <summary>Waits until the circuit is up: clicks on prerendered HTML would be lost.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public static async Task GotoInteractiveAsync(this IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForInteractiveAsync();
    }

    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        var dir = Environment.GetEnvironmentVariable("WP_SCREENSHOTS");
        if (string.IsNullOrEmpty(dir)) return;
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }
}
