using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class PurchaseJourneyTests(BrowserFixture fx)
{
    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(375, 800, "phone")]
    public async Task Buy_CustomerOrdersTwoDevicesWithDifferentPlans_OrderIsSubmittedAndListed(int width, int height, string name)
    {
        await BuyFormPage.ClearDraftAsync(fx.App, "customer@demo.warrantyportal.test");
        var page = await fx.NewPageAsync(width, height);
        await SignIn.AsDemoCustomerAsync(page, "/buy");
        var buy = new BuyFormPage(page);
        await page.WaitForInteractiveAsync();
        await buy.WaitForFormAsync();
        await Assertions.Expect(buy.Field("full-name")).ToHaveValueAsync("Clara Customer");
        await Assertions.Expect(buy.Field("email")).ToHaveValueAsync("customer@demo.warrantyportal.test");
        await page.ScreenshotAsync($"buy-1-empty-{name}");

        await buy.FillAddressAsync("Sonnenallee 12", "12045", "Berlin");
        var (micro, stringInverter) = name == "desktop" ? ("702000100001", "SI1ES120N00001") : ("702000100002", "HY3K6ES220000001");
        await buy.TypeSerialAsync(0, micro);
        await Assertions.Expect(buy.Card(0).Locator("[data-testid=product-model]")).ToContainTextAsync("DS3");
        await buy.ChoosePlanAsync(0, "extend to 20 years");
        await buy.AddProductAsync();
        await buy.TypeSerialAsync(1, stringInverter);
        await buy.ChoosePlanAsync(1, name == "desktop" ? "String inverter: extend to 15 years" : "add 5 years");
        if (name == "desktop") await Assertions.Expect(buy.Card(1).Locator("[data-testid=product-total-years]")).ToContainTextAsync("15 years");
        await buy.TickConsentAsync();
        await page.ScreenshotAsync($"buy-2-filled-{name}");

        await buy.ConfirmAsync();
        await Assertions.Expect(page.Locator("[data-testid=review]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=review-lines]")).ToContainTextAsync(micro);
        await Assertions.Expect(page.Locator("[data-testid=review-lines]")).ToContainTextAsync(stringInverter);
        await page.ScreenshotAsync($"buy-3-review-{name}");

        await page.Locator("[data-testid=submit-order]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=order-submitted]")).ToBeVisibleAsync();
        await page.ScreenshotAsync($"buy-4-submitted-{name}");
        var number = await page.Locator("[data-testid=submitted-number]").InnerTextAsync();
        await page.GotoInteractiveAsync("/orders");
        await Assertions.Expect(page.Locator($"[data-testid=order-card][data-number='{number}']")).ToBeVisibleAsync();
        await page.ScreenshotAsync($"buy-5-my-orders-{name}");

        var user = fx.App.CreateDbContext().Users.Single(u => u.Email == "customer@demo.warrantyportal.test");
        using var scope = fx.App.Services.CreateScope();
        var order = await scope.ServiceProvider.GetRequiredService<OrderQuery>().GetAsync(user.Id, number);
        Assert.NotNull(order);
        Assert.Equal(OrderStatus.Submitted, order.Status);
        Assert.Equal(new[] { micro, stringInverter }.Order(), order.Lines.Select(l => l.SerialNumber).Order());
        Assert.Equal(2, order.Lines.Select(l => l.PlanName).Distinct().Count());

        // Other journeys count the demo customer's orders: leave the shared demo data as it was.
        await using var db = fx.App.CreateDbContext();
        await db.Orders.Where(o => o.Number == number).ExecuteDeleteAsync();
    }

    [Fact]
    public async Task Buy_RefusedDevice_ShowsTheEligibilityMessageUnderTheField()
    {
        var page = await fx.NewPageAsync();
        var buy = new BuyFormPage(page);
        await buy.OpenAsync();

        await buy.TypeSerialAsync(0, DemoFleet.AlreadyExtended[0]);

        await Assertions.Expect(buy.Card(0).Locator("[data-testid=sn-message]")).ToContainTextAsync("already has extended warranty");
        await Assertions.Expect(page.Locator("[data-testid=summary]")).ToContainTextAsync("0 devices");
        await Assertions.Expect(buy.Card(0).Locator("[data-testid=product-model]")).ToContainTextAsync("DS3");
        await page.ScreenshotAsync("buy-refused-desktop");
    }

    [Fact]
    public async Task Buy_GuestConfirms_SignsInAndComesBackToTheSameDraft()
    {
        var page = await fx.NewPageAsync();
        var buy = new BuyFormPage(page);
        await buy.OpenAsync();
        await buy.Field("payer").FillAsync("Gustav Guest");
        await buy.Field("full-name").FillAsync("Gustav Guest");
        await buy.Field("email").FillAsync("gustav@example.test");
        await buy.FillAddressAsync("Hauptstraße 1", "10115", "Berlin");
        await buy.TypeSerialAsync(0, "806000100003");
        await buy.ChoosePlanAsync(0, "extend to 25 years");
        await buy.TickConsentAsync();

        await buy.ConfirmAsync();
        await page.WaitForURLAsync(u => u.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        var returnUrl = Uri.UnescapeDataString(new Uri(page.Url).Query.Split("returnUrl=")[1]);
        await BuyFormPage.ClearDraftAsync(fx.App, "customer@demo.warrantyportal.test");
        await SignIn.AsDemoCustomerAsync(page, returnUrl);

        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=review]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=review-lines]")).ToContainTextAsync("806000100003");
        await Assertions.Expect(page.Locator("[data-testid=review]")).ToContainTextAsync("Hauptstraße 1");
        await page.Locator("[data-testid=reorder]").ClickAsync();
        await Assertions.Expect(buy.Card(0).Locator("input[data-testid=product-sn]")).ToHaveValueAsync("806000100003");
        await Assertions.Expect(buy.Field("payer")).ToHaveValueAsync("Gustav Guest");
    }

    [Fact]
    public async Task Buy_GermanBusinessWithVatNumber_ReverseChargeNoConsentAndKeptAfterReload()
    {
        var page = await fx.NewPageAsync();
        var buy = new BuyFormPage(page);
        await buy.OpenAsync();
        await buy.Field("tax-id").FillAsync("DE 123 456 789");
        await buy.Field("tax-id").BlurAsync();
        await buy.TypeSerialAsync(0, "HY3K6ES220000001");
        await buy.ChoosePlanAsync(0, "add 10 years");

        await Assertions.Expect(page.Locator("[data-testid=summary] [data-testid=vat]")).ToContainTextAsync("Reverse charge");
        await Assertions.Expect(page.Locator("[data-testid=consent]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("buy-reverse-charge-desktop");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await buy.WaitForFormAsync();
        await Assertions.Expect(buy.Field("tax-id")).ToHaveValueAsync("DE 123 456 789");
        await Assertions.Expect(buy.Card(0)).ToHaveAttributeAsync("data-quoted", "HY3K6ES220000001");
        await Assertions.Expect(page.Locator("[data-testid=summary] [data-testid=vat]")).ToContainTextAsync("Reverse charge");
    }

    [Fact]
    public async Task Buy_InFrench_FormAndEligibilityMessagesAreTranslated()
    {
        var page = await fx.NewPageAsync(375, 800);
        await page.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c=fr|uic=fr", Url = fx.App.BaseUrl }]);
        var buy = new BuyFormPage(page);
        await buy.OpenAsync();

        await buy.TypeSerialAsync(0, DemoFleet.BaseWarrantyExpired[0]);

        await Assertions.Expect(page.Locator("[data-testid=confirm-order]")).ToContainTextAsync("Confirmer la commande");
        await Assertions.Expect(page.Locator("[data-testid=products-section]")).ToContainTextAsync("Commande standard");
        await Assertions.Expect(buy.Card(0).Locator("[data-testid=sn-message]")).Not.ToContainTextAsync("warranty");
        await page.ScreenshotAsync("buy-french-phone");
    }

    [Fact]
    public async Task Buy_ChoosingAnotherCountry_ListsEveryCountryAndTakesItsCurrency()
    {
        var page = await fx.NewPageAsync();
        var buy = new BuyFormPage(page);
        await buy.OpenAsync();
        var section = page.Locator("[data-testid=country-section]");
        var country = section.Locator("select[data-testid=country]");
        await Assertions.Expect(country.Locator("option:checked")).ToHaveTextAsync("France");
        var options = country.Locator("option:not([hidden])");
        await Assertions.Expect(options).ToHaveCountAsync(WarrantyPortal.Domain.Catalog.Countries.All.Count);
        var names = await options.AllInnerTextsAsync();
        Assert.Equal(names.Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("en-GB"), false)), names);

        await country.SelectOptionAsync(new SelectOptionValue { Label = "United Kingdom" });

        await Assertions.Expect(section.Locator("select[data-testid=currency] option:checked")).ToHaveTextAsync("GBP (£)");
        await Assertions.Expect(section).ToContainTextAsync("GBP");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await buy.WaitForFormAsync();
        await Assertions.Expect(country.Locator("option:checked")).ToHaveTextAsync("United Kingdom");
    }
}
