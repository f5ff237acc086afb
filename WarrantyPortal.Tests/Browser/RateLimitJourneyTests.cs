using Microsoft.Playwright;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

/// <summary>A portal with low limits on the public forms, so a test can reach them.</summary>
public sealed class LowRateLimitFixture() : BrowserFixture(new Dictionary<string, string?>
{
    ["RateLimits:PasswordSignInPerAddress:Limit"] = "2",
    ["RateLimits:PasswordSignInPerAddress:Window"] = "00:15:00",
    ["RateLimits:PasswordResetPerAddress:Limit"] = "2",
    ["RateLimits:PasswordResetPerAddress:Window"] = "00:15:00",
    ["RateLimits:OrderLookupPerAddress:Limit"] = "2",
    ["RateLimits:OrderLookupPerAddress:Window"] = "00:15:00",
    ["WarrantyCheck:SerialNumbersPerWindow"] = "2",
});

public class RateLimitJourneyTests(LowRateLimitFixture fx) : IClassFixture<LowRateLimitFixture>
{
    [Fact]
    public async Task SignIn_OverTheAddressLimit_SaysWhenToTryAgainAndKeepsTheEmail()
    {
        var page = await fx.NewPageAsync();
        for (var i = 0; i < 3; i++)
        {
            await page.GotoAsync("/Account/Login");
            await page.Locator("input[name='Input.Email']").FillAsync("nobody@example.test");
            await page.Locator("input[name='Input.Password']").FillAsync("not-the-password");
            await page.GetByTestId("sign-in").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await Assertions.Expect(page.GetByTestId("rate-limited")).ToContainTextAsync("Too many attempts");
        await Assertions.Expect(page.GetByTestId("rate-limited")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Try again in \d+ minute\(s\), after \d\d:\d\d UTC"));
        await Assertions.Expect(page.Locator("input[name='Input.Email']")).ToHaveValueAsync("nobody@example.test");
        await page.ScreenshotAsync("sign-in-rate-limited-desktop");
    }

    [Fact]
    public async Task ForgotPassword_OverTheAddressLimit_SaysWhenToTryAgain()
    {
        var page = await fx.NewPageAsync(375, 800);
        for (var i = 0; i < 3; i++)
        {
            await page.GotoAsync("/Account/ForgotPassword");
            await page.Locator("input[name='Input.Email']").FillAsync($"someone{i}@example.test");
            await page.GetByTestId("send-reset").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await Assertions.Expect(page.GetByTestId("rate-limited")).ToContainTextAsync("Try again in");
        Assert.Contains("/Account/ForgotPassword", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync("forgot-password-rate-limited-phone");
    }

    [Fact]
    public async Task OrderLookup_OverTheAddressLimit_SaysWhenToTryAgain()
    {
        var page = await fx.NewPageAsync();
        for (var i = 0; i < 3; i++)
        {
            await page.GotoAsync("/orders/lookup");
            await page.Locator("#Input\\.OrderNumber").FillAsync($"WE20260615000{i}");
            await page.Locator("#Input\\.PostalCode").FillAsync("75001");
            await page.GetByTestId("lookup-submit").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        await Assertions.Expect(page.GetByTestId("lookup-too-many")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Too many attempts\. Try again in \d+ minute\(s\), after \d\d:\d\d UTC\."));
        await Assertions.Expect(page.GetByTestId("lookup-not-found")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WarrantyCheck_OverTheAddressBudget_SaysWhenToTryAgainAndKeepsTheSerials()
    {
        var page = await fx.NewPageAsync();
        await page.GotoInteractiveAsync("/check");
        await page.Locator("input[data-testid=sn-input]").FillAsync("702000100001");
        await page.GetByTestId("add-sn").ClickAsync();
        await page.Locator("input[data-testid=sn-input]").Nth(1).FillAsync("702000100002");
        await page.GetByTestId("add-sn").ClickAsync();
        await page.Locator("input[data-testid=sn-input]").Nth(2).FillAsync("806000100003");

        await page.GetByTestId("query-now").ClickAsync();

        await Assertions.Expect(page.GetByTestId("check-error")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Too many checks from your connection\. Try again in \d+ minute\(s\), after \d\d:\d\d UTC\."));
        await Assertions.Expect(page.Locator("input[data-testid=sn-input]").Nth(2)).ToHaveValueAsync("806000100003");
        await Assertions.Expect(page.GetByTestId("result-card")).ToHaveCountAsync(0);
    }
}
