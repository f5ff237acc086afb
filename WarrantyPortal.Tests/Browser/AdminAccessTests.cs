using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

/// <summary>
/// Every page and endpoint under /admin, found by enumerating the app's endpoints (so a new one cannot be forgotten),
/// refuses a signed-in customer and an anonymous visitor.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AdminAccessTests(BrowserFixture fx)
{
    private IReadOnlyList<string> AdminUrls()
    {
        var sources = fx.App.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(p => p.StartsWith("/admin", StringComparison.OrdinalIgnoreCase))
            .Select(p => Regex.Replace(p, @"\{[^}]+\}", "1"))
            .Distinct()
            .ToList();
    }

    [Fact]
    public async Task AdminEndpoints_SignedInCustomer_AreRefused()
    {
        var urls = AdminUrls();
        Assert.Contains("/admin", urls);
        Assert.Contains("/admin/outbox", urls);

        var page = await fx.NewPageAsync();
        await SignIn.AsDemoCustomerAsync(page);
        foreach (var url in urls)
        {
            var response = await page.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
            var location = response.Headers.GetValueOrDefault("location") ?? "";
            Assert.True(response.Status is 403 or 404 || (response.Status == 302 && location.Contains("/Account/AccessDenied")),
                $"{url} answered {response.Status} {location} to a customer");
        }
    }

    [Fact]
    public async Task AdminEndpoints_Anonymous_AreSentToSignIn()
    {
        var page = await fx.NewPageAsync();
        foreach (var url in AdminUrls())
        {
            var response = await page.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
            var location = response.Headers.GetValueOrDefault("location") ?? "";
            Assert.True(response.Status is 401 or 403 || (response.Status == 302 && location.Contains("/Account/Login")),
                $"{url} answered {response.Status} {location} to an anonymous visitor");
        }
    }

    [Fact]
    public async Task AdminPage_CustomerNavigates_SeesAccessDeniedNotTheBackOffice()
    {
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoCustomerAsync(page);

        await page.GotoAsync("/admin/outbox");

        await page.WaitForURLAsync(new Regex("AccessDenied"));
        Assert.False(await page.GetByText("Every email the portal sends").IsVisibleAsync());
    }

    [Fact]
    public async Task AdminOutbox_Admin_ListsSentEmails()
    {
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoAdminAsync(page, "/admin/outbox");

        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("h4, .wp-page-title").First).ToContainTextAsync("Outbox");
    }
}
