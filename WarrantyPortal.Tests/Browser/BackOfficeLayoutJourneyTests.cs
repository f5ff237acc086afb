using Microsoft.Playwright;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

/// <summary>
/// The back office on a phone, in French: its tables turn into cards that fit the screen (no sideways scrolling to read
/// an e-mail or a price), and the texts MudBlazor draws itself (pagers) are in French too.
/// </summary>
[Collection(BrowserCollection.Name)]
public class BackOfficeLayoutJourneyTests(BrowserFixture fx)
{
    private const string Overflow = """
        () => {
            const vw = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('.mud-table-container')]
                .filter(c => c.scrollWidth > c.clientWidth + 1)
                .map(c => c.closest('[data-testid]')?.getAttribute('data-testid') ?? c.parentElement.className);
            if (document.documentElement.scrollWidth > vw + 1) wide.push('page ' + document.documentElement.scrollWidth);
            return wide.join(', ');
        }
        """;

    [Fact]
    public async Task AdminTables_PhoneWidthInFrench_FitTheScreenAndPagersSpeakFrench()
    {
        var page = await fx.NewPageAsync(375, 812);
        await SignIn.AsDemoAdminAsync(page);
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=fr|uic=fr", Url = fx.App.BaseUrl }]);

        foreach (var url in new[] { "/admin/users", "/admin/plans", "/admin/orders" })
        {
            await page.GotoInteractiveAsync(url);
            await Assertions.Expect(page.Locator(".mud-table-body tr >> visible=true").First).ToBeVisibleAsync();
            Assert.Equal("", await page.EvaluateAsync<string>(Overflow));
            var text = await page.Locator("main, body").First.InnerTextAsync();
            Assert.DoesNotContain("Rows per page", text);
            Assert.DoesNotMatch(@"\d+-\d+ of \d+", text);
            await page.ScreenshotAsync("backoffice-fr-375" + url.Replace('/', '-'));
        }

        await Assertions.Expect(page.Locator("text=Lignes par page")).ToBeVisibleAsync();
        await page.GotoInteractiveAsync("/admin/users");
        await Assertions.Expect(page.Locator("[data-testid=user-role]").First).ToBeVisibleAsync();
        var roles = await page.Locator("[data-testid=user-role]").AllInnerTextsAsync();
        Assert.Contains(roles, r => r.Trim() == "Administrateur");
        Assert.DoesNotContain(roles, r => r.Trim() is "Admin" or "Customer" or "Reseller");

        // Tapping a user on a phone opens their panel below the list and brings it into view.
        await page.Locator(".mud-table-body tr >> visible=true").First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-detail")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task AuditGridAndPlans_DesktopWidthInFrench_ShowEveryColumnWithoutSidewaysScrolling()
    {
        var page = await fx.NewPageAsync(1280, 900);
        await SignIn.AsDemoAdminAsync(page);
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=fr|uic=fr", Url = fx.App.BaseUrl }]);

        await page.GotoInteractiveAsync("/admin/orders");
        await page.Locator("[data-testid=status-chips] [data-status=all]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=order-link]").First).ToBeVisibleAsync();

        Assert.Equal("", await page.EvaluateAsync<string>(Overflow));
        await Assertions.Expect(page.Locator(".audit-grid thead th").Last).ToHaveTextAsync("Total");
        Assert.True(await page.Locator(".audit-grid thead th").Last.IsVisibleAsync());
        await page.ScreenshotAsync("backoffice-fr-1280-admin-orders");

        // Long country and model lists wrap inside the plans table rather than widening it past the screen.
        await page.GotoInteractiveAsync("/admin/plans");
        await Assertions.Expect(page.Locator(".mud-table-body tr >> visible=true").First).ToBeVisibleAsync();
        Assert.Equal("", await page.EvaluateAsync<string>(Overflow));
    }
}
