using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WarrantyPortal.Data;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class AccountJourneyTests(BrowserFixture fx)
{
    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    private async Task<string> CreateConfirmedUserAsync(string password = "a long enough secret 42")
    {
        var email = NewEmail("user");
        using var scope = fx.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, FullName = "Test User", Country = "FR" };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Customer);
        return email;
    }

    private static async Task SendCodeAndSignInAsync(IPage page, PortalApp app, string email)
    {
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("[data-testid=send-code]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=code-info]")).ToContainTextAsync(email);
        await Assertions.Expect(page.Locator("[data-testid=send-code]")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=send-code]")).ToContainTextAsync(new Regex(@"New code in \d+ s"));
        var message = await app.Smtp.WaitForAsync(email, "sign-in code");
        var code = Regex.Match(message.TextBody ?? "", @"\b\d{6}\b").Value;
        await page.Locator("input[name='Input.Code']").FillAsync(code);
        await page.Locator("[data-testid=sign-in-code]").ClickAsync();
    }

    [Fact]
    public async Task Register_ConfirmByEmailedLinkThenSignInWithEmailedCode_ReturnsToAccountAndSignsOut()
    {
        var page = await fx.NewPageAsync();
        var email = NewEmail("ana");

        await page.GotoAsync("/account");
        await page.WaitForURLAsync(new Regex("/Account/Login", RegexOptions.IgnoreCase));
        await page.Locator("[data-testid=register-link]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/Account/Register.*returnUrl=%2Faccount", RegexOptions.IgnoreCase));
        await page.Locator("[data-testid=register]").WaitForAsync();
        await page.ScreenshotAsync("register-desktop");
        await page.Locator("input[name='Input.FullName']").FillAsync("Ana Martin");
        await page.Locator("select[name='Input.Country']").SelectOptionAsync("FR");
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync("sunny roof in lyon 2026");
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync("sunny roof in lyon 2026");
        await page.Locator("input[name='Input.AcceptTerms']").CheckAsync();
        await page.Locator("[data-testid=register]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=register-done]")).ToContainTextAsync(email);
        using (var scope = fx.App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            Assert.Equal(("Ana Martin", "FR", "en", false), (user.FullName, user.Country, user.PreferredCulture, user.EmailConfirmed));
            Assert.True(await users.IsInRoleAsync(user, Roles.Customer));
        }

        var confirmation = await fx.App.Smtp.WaitForAsync(email, "Confirm your email");
        var link = PortalApp.LinkIn(confirmation, "ConfirmEmail");
        Assert.StartsWith(fx.App.BaseUrl, link);
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("[data-testid=email-confirmed]")).ToContainTextAsync(email);
        await page.Locator("[data-testid=continue-sign-in]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/Account/Login.*returnUrl=%2Faccount", RegexOptions.IgnoreCase));

        await page.Locator("[data-testid=tab-code]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/Account/LoginWithCode.*returnUrl=%2Faccount", RegexOptions.IgnoreCase));
        await page.Locator("[data-testid=send-code]").WaitForAsync();
        await SendCodeAndSignInAsync(page, fx.App, email);

        await page.WaitForURLAsync(new Regex("/account$"));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=account-email]")).ToHaveTextAsync(email);
        await page.Locator("[data-testid=account-menu]").ClickAsync();
        await page.Locator("[data-testid=sign-out]").ClickAsync();
        await Assertions.Expect(page.Locator("header").GetByText("Sign in")).ToBeVisibleAsync();
        await page.GotoAsync("/account");
        await page.WaitForURLAsync(new Regex("/Account/Login", RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task Register_CommonPasswordAndTermsNotAccepted_SaysWhatToFixAndKeepsTheEntries()
    {
        var page = await fx.NewPageAsync();
        await page.GotoAsync("/Account/Register");

        await page.Locator("input[name='Input.FullName']").FillAsync("Bob Common");
        await page.Locator("select[name='Input.Country']").SelectOptionAsync("DE");
        await page.Locator("input[name='Input.Email']").FillAsync(NewEmail("bob"));
        await page.Locator("input[name='Input.Password']").FillAsync("password123");
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync("password123");
        await page.Locator("[data-testid=register]").ClickAsync();

        await Assertions.Expect(page.Locator(".validation-message").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("most common");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("accept the User Service Agreement");
        await Assertions.Expect(page.Locator("input[name='Input.FullName']")).ToHaveValueAsync("Bob Common");
        await Assertions.Expect(page.Locator("select[name='Input.Country']")).ToHaveValueAsync("DE");
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_LockedOutWithWhenToRetry()
    {
        var email = await CreateConfirmedUserAsync();
        var page = await fx.NewPageAsync();
        await page.GotoAsync("/Account/Login");

        for (var i = 1; i <= 5; i++)
        {
            await page.Locator("input[name='Input.Email']").FillAsync(email);
            await page.Locator("input[name='Input.Password']").FillAsync($"not my password {i}");
            await page.Locator("[data-testid=sign-in]").ClickAsync();
            if (i < 5) await Assertions.Expect(page.Locator("[data-testid=status-message]")).ToContainTextAsync("not right");
        }

        var lockout = page.Locator("[data-testid=lockout]");
        await Assertions.Expect(lockout).ToContainTextAsync("Too many failed attempts");
        await Assertions.Expect(lockout).ToContainTextAsync(new Regex(@"paused for 5 min \(until \d\d:\d\d UTC\)"));
        await page.ScreenshotAsync("sign-in-locked-out");

        await page.Locator("input[name='Input.Password']").FillAsync("a long enough secret 42");
        await page.Locator("[data-testid=sign-in]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=lockout]")).ToBeVisibleAsync();
        Assert.Contains("/Account/Login", page.Url);
    }

    [Fact]
    public async Task SignInWithCode_WrongCode_SaysTriesLeftAndResendButtonCountsDown()
    {
        var email = await CreateConfirmedUserAsync();
        var page = await fx.NewPageAsync(375, 800);
        await page.GotoAsync("/Account/LoginWithCode");

        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("[data-testid=send-code]").ClickAsync();
        var message = await fx.App.Smtp.WaitForAsync(email, "sign-in code");
        var code = Regex.Match(message.TextBody ?? "", @"\b\d{6}\b").Value;
        var before = await page.Locator("[data-testid=send-code]").TextContentAsync();
        await page.Locator("input[name='Input.Code']").FillAsync(code == "000000" ? "999999" : "000000");
        await page.Locator("input[name='Input.Code']").PressAsync("Enter");

        await Assertions.Expect(page.Locator("[data-testid=status-message]")).ToContainTextAsync("4 tries left");
        await Assertions.Expect(page.Locator("input[name='Input.Email']")).ToHaveValueAsync(email);
        await Assertions.Expect(page.Locator("[data-testid=send-code]")).Not.ToHaveTextAsync(before!);
        await page.ScreenshotAsync("sign-in-code-phone");
        Assert.Single(fx.App.Smtp.Messages, m => m.To.ToString().Contains(email) && (m.Subject ?? "").Contains("sign-in code"));
    }

    [Fact]
    public async Task ForgotPassword_EmailedLink_NewPasswordSignsIn()
    {
        var email = await CreateConfirmedUserAsync();
        var page = await fx.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("[data-testid=forgot-password]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/Account/ForgotPassword"));
        await page.Locator("[data-testid=send-reset]").WaitForAsync();
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("[data-testid=send-reset]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=reset-sent]")).ToBeVisibleAsync();

        var link = PortalApp.LinkIn(await fx.App.Smtp.WaitForAsync(email, "Reset your password"), "ResetPassword");
        await page.GotoAsync(link);
        await page.Locator("input[name='Input.Email']").FillAsync(email);
        await page.Locator("input[name='Input.Password']").FillAsync("a brand new passphrase");
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync("a brand new passphrase");
        await page.Locator("[data-testid=reset]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=reset-done]")).ToBeVisibleAsync();

        await SignIn.WithPasswordAsync(page, email, "a brand new passphrase", "/account");
        await page.WaitForURLAsync(new Regex("/account$"));

        await page.GotoAsync("/Account/Manage/ChangePassword");
        await page.Locator("input[name='Input.OldPassword']").FillAsync("a brand new passphrase");
        await page.Locator("input[name='Input.NewPassword']").FillAsync("qwertyuiop");
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync("qwertyuiop");
        await page.Locator("[data-testid=change-password]").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("most common");
        await page.Locator("input[name='Input.NewPassword']").FillAsync("an even newer passphrase");
        await page.Locator("input[name='Input.ConfirmPassword']").FillAsync("an even newer passphrase");
        await page.Locator("[data-testid=change-password]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=status-message]")).ToContainTextAsync("Your password has been changed.");
        await page.ScreenshotAsync("manage-password-desktop");
    }

    [Fact]
    public async Task AccountPage_Visitor_IsSentToSignInAndBroughtBack()
    {
        var page = await fx.NewPageAsync();

        await page.GotoAsync("/account");
        await page.WaitForURLAsync(new Regex("/Account/Login\\?ReturnUrl=%2Faccount", RegexOptions.IgnoreCase));
        await page.ScreenshotAsync("sign-in-desktop");
        await page.SetViewportSizeAsync(375, 800);
        await page.ScreenshotAsync("sign-in-phone");
        await page.SetViewportSizeAsync(1280, 900);
        await page.Locator("input[name='Input.Email']").FillAsync("customer@demo.warrantyportal.test");
        await page.Locator("input[name='Input.Password']").FillAsync("demo-customer-2026");
        await page.Locator("[data-testid=sign-in]").ClickAsync();

        await page.WaitForURLAsync(new Regex("/account$"));
        await Assertions.Expect(page.Locator("[data-testid=account-title]")).ToHaveTextAsync("My account");
    }

    [Fact]
    public async Task AdminPage_Customer_SeesAccessDenied()
    {
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoCustomerAsync(page);

        await page.GotoAsync("/admin");

        await page.WaitForURLAsync(new Regex("/Account/AccessDenied"));
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Access denied");
    }

    /// <summary>The input of a MudBlazor text field, whichever element carries its test id.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}]").Locator("xpath=descendant-or-self::input").First;

    [Fact]
    public async Task AccountPage_SaveProfileAndAddAddresses_KeptAfterReloadWithOneDefaultEach()
    {
        var email = await CreateConfirmedUserAsync();
        var page = await fx.NewPageAsync();
        await SignIn.WithPasswordAsync(page, email, "a long enough secret 42", "/account");
        await page.WaitForURLAsync(new Regex("/account$"));
        await page.WaitForInteractiveAsync();

        await Field(page, "profile-company").FillAsync("Soleil SARL");
        await Field(page, "profile-taxid").FillAsync("FR12345678901");
        await page.Locator("[data-testid=profile-save]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("saved");

        foreach (var label in new[] { "Head office", "Branch" })
        {
            await page.Locator("[data-testid=add-Billing]").ClickAsync();
            await Field(page, "address-label").FillAsync(label);
            await Field(page, "address-line1").FillAsync("12 rue des Lilas");
            await Field(page, "address-postal").FillAsync("69001");
            await Field(page, "address-city").FillAsync("Lyon");
            await page.Locator("[data-testid=address-save]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=addresses-Billing]")).ToContainTextAsync(label);
        }
        await page.ScreenshotAsync("account-desktop");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        var billing = page.Locator("[data-testid=addresses-Billing]");
        await Assertions.Expect(billing.Locator("[data-testid=address-card]")).ToHaveCountAsync(2);
        await Assertions.Expect(billing.Locator("[data-testid=default-chip]")).ToHaveCountAsync(1);
        await Assertions.Expect(billing.Locator("[data-testid=address-card]").Filter(new() { HasText = "Head office" }).Locator("[data-testid=default-chip]")).ToBeVisibleAsync();
        await Assertions.Expect(Field(page, "profile-company")).ToHaveValueAsync("Soleil SARL");
        await page.SetViewportSizeAsync(375, 800);
        await page.ScreenshotAsync("account-phone");
    }

    [Fact]
    public async Task SignInPages_French_AreTranslatedIncludingCountryNames()
    {
        var page = await fx.NewPageAsync(375, 800);
        await page.GotoAsync("/culture/set?culture=fr&returnUrl=%2FAccount%2FRegister");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Inscription");
        await Assertions.Expect(page.Locator("select[name='Input.Country'] option[value=DE]")).ToHaveTextAsync("Allemagne");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("J'ai lu et j'accepte");
        await page.ScreenshotAsync("register-phone-fr");
        await page.GotoAsync("/Account/LoginWithCode");
        await Assertions.Expect(page.Locator("[data-testid=send-code]")).ToHaveTextAsync("Envoyer le code");
    }
}
