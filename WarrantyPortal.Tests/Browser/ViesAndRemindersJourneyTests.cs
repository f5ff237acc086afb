using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WarrantyPortal.Features.Reminders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

/// <summary>A portal of its own whose VIES is a loopback stand-in; its journeys change the demo customer's orders and email choice.</summary>
public sealed class ViesBrowserFixture : BrowserFixture, IAsyncLifetime
{
    public ViesBrowserFixture() : this(FakeVies.StartAsync().GetAwaiter().GetResult()) { }

    private ViesBrowserFixture(FakeVies vies) : base(new Dictionary<string, string?> { ["Vies:BaseUrl"] = vies.BaseUrl, ["Vies:Timeout"] = "00:00:20" }) =>
        Vies = vies;

    public FakeVies Vies { get; }

    // Re-implemented so the stand-in stops with the portal.
    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Vies.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ViesBrowserCollection : ICollectionFixture<ViesBrowserFixture>
{
    public const string Name = "browser-vies";
}

[Collection(ViesBrowserCollection.Name)]
public class ViesAndRemindersJourneyTests(ViesBrowserFixture fx)
{
    private const string CustomerEmail = "customer@demo.warrantyportal.test";

    private ILocator TaxField(IPage page) => page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("input[data-testid=tax-id]") });

    [Fact]
    public async Task Buy_ViesSaysNotRegistered_BuyerToldUnderTheFieldAndVatCharged_ThenARegisteredNumberIsConfirmed()
    {
        var page = await fx.NewPageAsync();
        var buy = new BuyFormPage(page);
        await buy.OpenAsync();
        await buy.TypeSerialAsync(0, "HY3K6ES220000001");
        await buy.ChoosePlanAsync(0, "add 10 years");

        await buy.Field("tax-id").FillAsync("DE 999 999 999");
        await buy.Field("tax-id").BlurAsync();

        await Assertions.Expect(TaxField(page)).ToContainTextAsync("says this VAT number is not registered");
        await Assertions.Expect(page.Locator("[data-testid=summary] [data-testid=vat]").First).Not.ToContainTextAsync("Reverse charge");
        await Assertions.Expect(buy.Field("tax-id")).ToHaveValueAsync("DE 999 999 999");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync("vies-not-registered-desktop");
        var phone = await fx.NewPageAsync(375, 800);
        var phoneBuy = new BuyFormPage(phone);
        await phoneBuy.OpenAsync();
        await phoneBuy.Field("tax-id").FillAsync("DE999999999");
        await phoneBuy.Field("tax-id").BlurAsync();
        await Assertions.Expect(TaxField(phone)).ToContainTextAsync("not registered");
        await phone.ScreenshotAsync("vies-not-registered-phone");

        await buy.Field("tax-id").FillAsync("DE811128135");
        await buy.Field("tax-id").BlurAsync();

        await Assertions.Expect(TaxField(page)).ToContainTextAsync("Confirmed by the EU VIES service (Sonnenstrom GmbH)");
        await Assertions.Expect(page.Locator("[data-testid=summary] [data-testid=vat]").First).ToContainTextAsync("Reverse charge");
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync("vies-confirmed-desktop");
    }

    [Fact]
    public async Task Order_BusinessConfirmedByVies_AnswerAndTimeShownToTheBuyerAndTheAdmin()
    {
        await BuyFormPage.ClearDraftAsync(fx.App, CustomerEmail);
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoCustomerAsync(page, "/buy");
        var buy = new BuyFormPage(page);
        await page.WaitForInteractiveAsync();
        await buy.WaitForFormAsync();
        await buy.Field("tax-id").FillAsync("DE811128135");
        await buy.Field("tax-id").BlurAsync();
        await buy.FillAddressAsync("Sonnenallee 12", "12045", "Berlin");
        await buy.TypeSerialAsync(0, "702000100001");
        await buy.ChoosePlanAsync(0, "extend to 20 years");
        await Assertions.Expect(TaxField(page)).ToContainTextAsync("Confirmed by the EU VIES service");
        await buy.ConfirmAsync();
        await page.Locator("[data-testid=submit-order]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=order-submitted]")).ToBeVisibleAsync();
        var number = await page.Locator("[data-testid=submitted-number]").InnerTextAsync();

        await page.GotoInteractiveAsync($"/orders/{number}");
        await Assertions.Expect(page.Locator("[data-testid=vat-check]")).ToHaveAttributeAsync("data-outcome", "Valid");
        await Assertions.Expect(page.Locator("[data-testid=vat-check]")).ToContainTextAsync("Confirmed by VIES on");
        await page.ScreenshotAsync("vies-order-customer-desktop");

        var admin = await fx.NewPageAsync();
        await SignIn.AsDemoAdminAsync(admin, $"/admin/orders/{number}");
        await admin.WaitForInteractiveAsync();
        var check = admin.Locator("[data-testid=admin-vat-check]");
        await Assertions.Expect(check).ToHaveAttributeAsync("data-outcome", "Valid");
        await Assertions.Expect(check).ToContainTextAsync("Sonnenstrom GmbH");
        await Assertions.Expect(check).ToContainTextAsync("checked");
        await admin.ScreenshotAsync("vies-order-admin-desktop");
        var adminPhone = await fx.NewPageAsync(375, 800);
        await SignIn.AsDemoAdminAsync(adminPhone, $"/admin/orders/{number}");
        await adminPhone.WaitForInteractiveAsync();
        await Assertions.Expect(adminPhone.Locator("[data-testid=admin-vat-check]")).ToBeVisibleAsync();
        await adminPhone.ScreenshotAsync("vies-order-admin-phone");

        await using var db = fx.App.CreateDbContext();
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Number == number);
        Assert.True(order.ReverseCharge);
        Assert.Equal("Sonnenstrom GmbH", order.VatCheck?.Name);
    }

    [Fact]
    public async Task Unsubscribe_LinkOpenedSignedOut_UnsubscribesInOneClickResubscribesAndATamperedLinkIsRefused()
    {
        string userId;
        await using (var db = fx.App.CreateDbContext()) userId = db.Users.Single(u => u.Email == CustomerEmail).Id;
        var preferences = fx.App.Get<ReminderPreferences>();
        var link = new Uri(fx.App.Get<ReminderLinks>().UnsubscribeUrl(userId));
        var page = await fx.NewPageAsync();

        await page.GotoInteractiveAsync(link.PathAndQuery);

        var state = page.Locator("[data-testid=unsubscribe-state]");
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "unsubscribed");
        await Assertions.Expect(state).ToContainTextAsync(CustomerEmail);
        Assert.False(await preferences.IsSubscribedAsync(userId));
        await page.ScreenshotAsync("unsubscribe-desktop");
        var phone = await fx.NewPageAsync(375, 800);
        await phone.GotoInteractiveAsync(link.PathAndQuery);
        await Assertions.Expect(phone.Locator("[data-testid=unsubscribe-state]")).ToHaveAttributeAsync("data-state", "unsubscribed");
        await phone.ScreenshotAsync("unsubscribe-phone");

        await page.Locator("[data-testid=resubscribe]").ClickAsync();
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "subscribed");
        Assert.True(await preferences.IsSubscribedAsync(userId));
        await page.ScreenshotAsync("unsubscribe-resubscribed-desktop");

        var token = Uri.UnescapeDataString(link.Query["?t=".Length..]);
        var tampered = token[..10] + (token[10] == 'x' ? 'y' : 'x') + token[11..];
        await page.GotoInteractiveAsync($"{ReminderLinks.UnsubscribePath}?t={Uri.EscapeDataString(tampered)}");
        await Assertions.Expect(state).ToHaveAttributeAsync("data-state", "invalid");
        Assert.True(await preferences.IsSubscribedAsync(userId));
        await page.ScreenshotAsync("unsubscribe-invalid-desktop");
        await phone.GotoInteractiveAsync($"{ReminderLinks.UnsubscribePath}?t={Uri.EscapeDataString(tampered)}");
        await phone.ScreenshotAsync("unsubscribe-invalid-phone");
    }

    [Fact]
    public async Task MyAccount_ReminderSwitch_TurnsRemindersOffAndOn()
    {
        string userId;
        await using (var db = fx.App.CreateDbContext()) userId = db.Users.Single(u => u.Email == "reseller@demo.warrantyportal.test").Id;
        var preferences = fx.App.Get<ReminderPreferences>();
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoResellerAsync(page, "/account");
        await page.WaitForInteractiveAsync();
        var state = page.Locator("[data-testid=reminders-state]");
        await Assertions.Expect(state).ToHaveAttributeAsync("data-on", "on");

        await page.Locator("[data-testid=reminder-settings] .mud-switch").ClickAsync();

        await Assertions.Expect(state).ToHaveAttributeAsync("data-on", "off");
        Assert.False(await preferences.IsSubscribedAsync(userId));
        await page.ScreenshotAsync("account-reminders-off-desktop");
        var phone = await fx.NewPageAsync(375, 800);
        await SignIn.AsDemoResellerAsync(phone, "/account");
        await phone.WaitForInteractiveAsync();
        await Assertions.Expect(phone.Locator("[data-testid=reminders-state]")).ToHaveAttributeAsync("data-on", "off");
        await phone.ScreenshotAsync("account-reminders-off-phone");

        await page.Locator("[data-testid=reminder-settings] .mud-switch").ClickAsync();
        await Assertions.Expect(state).ToHaveAttributeAsync("data-on", "on");
        Assert.True(await preferences.IsSubscribedAsync(userId));
    }
}
