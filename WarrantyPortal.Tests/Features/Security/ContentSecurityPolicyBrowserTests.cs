using System.Text.Json;
using Microsoft.Playwright;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Security;

/// <summary>
/// The main pages work in Chromium under the portal's Content-Security-Policy: interactive (the circuit's WebSocket),
/// MudBlazor's inline styles and scripts, enhanced navigation, the test-mode checkout's QR code, and not one violation.
/// </summary>
[Collection(SecurityBrowserCollection.Name)]
public class ContentSecurityPolicyBrowserTests(SecurityBrowserFixture fx)
{
    private sealed class Violations
    {
        public List<string> Csp { get; } = [];
        public List<string> Errors { get; } = [];

        public override string ToString() => string.Join("\n", Csp.Concat(Errors));
    }

    private async Task<(IPage Page, Violations Seen)> WatchedPageAsync()
    {
        var page = await fx.NewPageAsync();
        var seen = new Violations();
        // Runs before the page's own scripts (outside the policy), so a violation that Chromium does not log is still seen.
        await page.Context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.StartsWith("CSP violation", StringComparison.Ordinal))
            {
                lock (seen) seen.Csp.Add($"{page.Url}: {message.Text}");
            }
            else if (message.Type == "error")
            {
                lock (seen) seen.Errors.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => { lock (seen) seen.Csp.Add($"{page.Url}: uncaught {error}"); };
        return (page, seen);
    }

    [Fact]
    public async Task PublicPages_UnderThePolicy_WorkWithoutViolations()
    {
        var (page, seen) = await WatchedPageAsync();

        await page.GotoInteractiveAsync("/");
        // A shared check link runs the query on the circuit as soon as the page is interactive: the result cards are
        // rendered by the server over the WebSocket under the policy, with nothing left to a single click.
        await page.GotoInteractiveAsync("/check?sn=702000096622");
        await Assertions.Expect(page.GetByText("DS3-H").First).ToBeVisibleAsync();
        await page.GotoAsync("/Account/Login");
        await Assertions.Expect(page.Locator("input[name='Input.Email']")).ToBeVisibleAsync();
        await page.GotoAsync("/Account/Register");
        await Assertions.Expect(page.Locator("input[name='Input.Email']")).ToBeVisibleAsync();

        Assert.True(seen.Csp.Count == 0, seen.ToString());
    }

    [Fact]
    public async Task CustomerPages_UnderThePolicy_WorkWithoutViolations()
    {
        var (page, seen) = await WatchedPageAsync();

        await SignIn.AsDemoCustomerAsync(page, "/buy");
        await page.WaitForInteractiveAsync();
        await page.GotoInteractiveAsync("/orders");
        // Enhanced navigation inside the circuit: a link, not a page load.
        await page.GotoInteractiveAsync("/account");
        await page.GotoInteractiveAsync("/devices");
        await page.GotoInteractiveAsync("/batch");

        Assert.True(seen.Csp.Count == 0, seen.ToString());
    }

    [Fact]
    public async Task AdminGrid_UnderThePolicy_WorksWithoutViolations()
    {
        var (page, seen) = await WatchedPageAsync();

        await SignIn.AsDemoAdminAsync(page, "/admin");
        await page.WaitForInteractiveAsync();
        await page.GotoInteractiveAsync("/admin/orders");
        await Assertions.Expect(page.GetByTestId("status-chips")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-table-row").Nth(1)).ToBeVisibleAsync();

        Assert.True(seen.Csp.Count == 0, seen.ToString());
    }

    [Fact]
    public async Task TestModeCheckout_AlipayQrThenCard_WorksWithoutViolations()
    {
        var id = SeedAttempt();
        var (page, seen) = await WatchedPageAsync();

        await page.GotoInteractiveAsync($"/checkout/test/{id}");
        await page.GetByTestId("method-alipay").ClickAsync();
        var qr = page.GetByTestId("alipay-qr");
        await Assertions.Expect(qr).ToBeVisibleAsync();
        // The QR code is a data: image; it must actually be drawn, not blocked.
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await page.GetByTestId("method-card").ClickAsync();
        await page.Locator("#card-number").FillAsync("4242 4242 4242 4242");
        await page.Locator("#card-expiry").FillAsync("12 / 34");
        await page.Locator("#card-cvc").FillAsync("123");
        await page.Locator("#card-name").FillAsync("Ana Martin");
        await page.GetByTestId("pay").ClickAsync();
        await page.WaitForURLAsync($"**/checkout/return/{id}");
        await Assertions.Expect(page.GetByTestId("payment-outcome")).ToHaveTextAsync("Payment received");

        Assert.True(seen.Csp.Count == 0, seen.ToString());
    }

    private Guid SeedAttempt() =>
        TestCheckoutSeed.OpenAttempt(fx.App, PaymentMethodKind.Alipay, "CNY", new PaymentLine("DS3 extended warranty", 8700, 1));
}
