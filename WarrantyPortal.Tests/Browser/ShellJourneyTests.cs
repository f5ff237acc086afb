using Microsoft.Playwright;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class ShellJourneyTests(BrowserFixture fx)
{
    [Fact]
    public async Task Home_FirstVisit_ShowsBrandNavigationAndBecomesInteractive()
    {
        var page = await fx.NewPageAsync();
        await page.GotoInteractiveAsync("/");

        Assert.True(await page.Locator("header img[alt=WarrantyPortal]").IsVisibleAsync());
        Assert.Equal(200, (await page.APIRequest.GetAsync("/assets/brand/logo-white.svg")).Status);
        await Assertions.Expect(page.Locator(".wp-nav")).ToContainTextAsync("Check warranty");
        await page.ScreenshotAsync("home-desktop");
    }

    [Fact]
    public async Task LanguageSwitcher_French_TranslatesShellAndPersists()
    {
        var page = await fx.NewPageAsync();
        await page.GotoInteractiveAsync("/");

        await page.Locator("details.wp-lang > summary").ClickAsync();
        await page.Locator("a[data-culture=fr]").ClickAsync();

        await Assertions.Expect(page.Locator(".wp-nav")).ToContainTextAsync("Vérifier la garantie");
        await page.GotoAsync("/terms");
        await Assertions.Expect(page.Locator(".wp-nav")).ToContainTextAsync("Acheter");
    }

    [Fact]
    public async Task Home_PhoneWidth_NavigationIsInTheMenu()
    {
        var page = await fx.NewPageAsync(375, 800);
        await page.GotoInteractiveAsync("/");

        Assert.False(await page.Locator(".wp-nav").IsVisibleAsync());
        await page.Locator("details.wp-mobile-menu > summary").ClickAsync();
        await Assertions.Expect(page.Locator(".wp-mobile-panel")).ToContainTextAsync("Check warranty");
        await page.ScreenshotAsync("home-phone");
    }

    [Fact]
    public async Task ConnectionDrops_WhileOnPage_BannerShowsThenGoesWhenBack()
    {
        var page = await fx.NewPageAsync();
        var blocked = false;
        IWebSocketRoute? live = null;
        // Stands between the page and the server's circuit so the test can cut it like a network drop.
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("_blazor"), ws =>
        {
            if (blocked) { _ = ws.CloseAsync(); return; }
            live = ws;
            ws.ConnectToServer();
        });
        await page.GotoInteractiveAsync("/terms");

        blocked = true;
        await live!.CloseAsync();
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToContainTextAsync("Nothing you entered is lost");
        Assert.True(await page.Locator("article").IsVisibleAsync());

        blocked = false;
        await Assertions.Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 30_000 });
    }
}
