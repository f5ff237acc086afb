using Microsoft.Playwright;

namespace WarrantyPortal.Tests.TestSupport;

/// <summary>The sign-in page as a user sees it (page object).</summary>
public static class SignIn
{
    public static async Task WithPasswordAsync(IPage page, string email, string password, string? returnUrl = null)
    {
        await page.GotoAsync("/Account/Login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.Locator("form[data-testid=password-login] button[type=submit], button[data-testid=password-submit], button[type=submit]:has-text('Log in'), button[type=submit]:has-text('Sign in')").First.ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
    }

    public static Task AsDemoCustomerAsync(IPage page, string? returnUrl = null) =>
        WithPasswordAsync(page, "customer@demo.warrantyportal.test", "demo-customer-2026", returnUrl);

    public static Task AsDemoResellerAsync(IPage page, string? returnUrl = null) =>
        WithPasswordAsync(page, "reseller@demo.warrantyportal.test", "demo-reseller-2026", returnUrl);

    public static Task AsDemoAdminAsync(IPage page, string? returnUrl = null) =>
        WithPasswordAsync(page, "admin@demo.warrantyportal.test", "demo-admin-2026", returnUrl);
}
