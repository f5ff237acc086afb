using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

/// <summary>The built-in test-mode checkout, paid in Chromium; success goes through the signed webhook like Stripe's.</summary>
[Collection(BrowserCollection.Name)]
public class TestCheckoutJourneyTests(BrowserFixture fx)
{
    private Guid SeedAttempt(PaymentMethodKind method = PaymentMethodKind.Card, string currency = "EUR") =>
        TestCheckoutSeed.OpenAttempt(fx.App, method, currency,
            new PaymentLine("QT2D extended warranty, 10 years", 2400, 3), new PaymentLine("DS3 extended warranty", 1500, 1));

    private PaymentAttempt Attempt(Guid id)
    {
        using var db = fx.App.CreateDbContext();
        return db.PaymentAttempts.AsNoTracking().Single(a => a.Id == id);
    }

    private static async Task FillCardAsync(IPage page, string number, string expiry = "12 / 34", string cvc = "123", string name = "Ana Martin")
    {
        await page.Locator("#card-number").FillAsync(number);
        await page.Locator("#card-expiry").FillAsync(expiry);
        await page.Locator("#card-cvc").FillAsync(cvc);
        await page.Locator("#card-name").FillAsync(name);
    }

    [Fact]
    public async Task Checkout_TestCard4242_PaidThroughSignedWebhookAndPaymentReceivedShown()
    {
        var id = SeedAttempt();
        var page = await fx.NewPageAsync();
        await page.GotoInteractiveAsync($"/checkout/test/{id}");
        await Assertions.Expect(page.GetByTestId("test-mode-banner")).ToContainTextAsync("TEST MODE");
        await Assertions.Expect(page.GetByTestId("amount")).ToHaveTextAsync("€87.00");

        await FillCardAsync(page, "4242 4242 4242 4242");
        await page.ScreenshotAsync("checkout-card-desktop");
        await page.GetByTestId("pay").ClickAsync();

        await page.WaitForURLAsync($"**/checkout/return/{id}");
        await Assertions.Expect(page.GetByTestId("payment-outcome")).ToHaveTextAsync("Payment received");
        await page.ScreenshotAsync("checkout-return-received");
        Assert.Equal(PaymentAttemptStatus.Paid, Attempt(id).Status);
        using var db = fx.App.CreateDbContext();
        var recorded = db.PaymentEvents.Single(e => e.AttemptId == id);
        Assert.Equal("checkout.session.completed", recorded.Type);
        Assert.Equal("Applied", recorded.Outcome);
    }

    [Fact]
    public async Task Checkout_DeclinedCard9995_ClearMessageKeepsEntriesAndOrderStaysUnpaid()
    {
        var id = SeedAttempt();
        var page = await fx.NewPageAsync();
        await page.GotoInteractiveAsync($"/checkout/test/{id}");

        await FillCardAsync(page, "4000 0000 0000 9995");
        await page.GetByTestId("pay").ClickAsync();

        await Assertions.Expect(page.GetByTestId("card-error")).ToContainTextAsync("insufficient funds");
        await Assertions.Expect(page.Locator("#card-name")).ToHaveValueAsync("Ana Martin");
        await page.ScreenshotAsync("checkout-card-declined");
        Assert.Equal(PaymentAttemptStatus.Open, Attempt(id).Status);

        await page.Locator("#card-number").FillAsync("4242424242424242");
        await page.GetByTestId("pay").ClickAsync();
        await page.WaitForURLAsync($"**/checkout/return/{id}");
        Assert.Equal(PaymentAttemptStatus.Paid, Attempt(id).Status);
    }

    [Fact]
    public async Task Checkout_Card3155_AsksForAuthenticationThenPays()
    {
        var id = SeedAttempt();
        var page = await fx.NewPageAsync();
        await page.GotoInteractiveAsync($"/checkout/test/{id}");

        await FillCardAsync(page, "4000 0025 0000 3155");
        await page.GetByTestId("pay").ClickAsync();

        await page.WaitForURLAsync($"**/checkout/test/{id}/authenticate");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("auth-text")).ToContainTextAsync("3155");
        await page.ScreenshotAsync("checkout-authentication");
        Assert.Equal(PaymentAttemptStatus.Open, Attempt(id).Status);
        await page.GetByTestId("auth-complete").ClickAsync();

        await page.WaitForURLAsync($"**/checkout/return/{id}");
        await Assertions.Expect(page.GetByTestId("payment-outcome")).ToHaveTextAsync("Payment received");
    }

    [Fact]
    public async Task Checkout_Card3155AuthenticationFailed_BackToCheckoutUnpaidWithMessage()
    {
        var id = SeedAttempt();
        var page = await fx.NewPageAsync();
        await page.GotoInteractiveAsync($"/checkout/test/{id}");
        await FillCardAsync(page, "4000002500003155");
        await page.GetByTestId("pay").ClickAsync();
        await page.WaitForURLAsync($"**/authenticate");
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("auth-fail").ClickAsync();

        await page.WaitForURLAsync($"**/checkout/test/{id}?declined=authentication");
        await Assertions.Expect(page.GetByTestId("card-error")).ToContainTextAsync("could not authenticate");
        Assert.Equal(PaymentAttemptStatus.Open, Attempt(id).Status);
    }

    [Fact]
    public async Task Checkout_MistypedCard_EachFieldSaysWhatToFix()
    {
        var id = SeedAttempt();
        var page = await fx.NewPageAsync(375, 800);
        await page.GotoInteractiveAsync($"/checkout/test/{id}");
        await page.ScreenshotAsync("checkout-card-phone");

        await FillCardAsync(page, "4242 4242 4242 4241", "01 / 20", "12", "");
        await page.GetByTestId("pay").ClickAsync();

        await Assertions.Expect(page.GetByText("This card number is not valid")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("This card has expired")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("3 or 4 digit security code")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Enter the name as it appears")).ToBeVisibleAsync();
        await page.ScreenshotAsync("checkout-card-errors-phone");
        Assert.Equal(PaymentAttemptStatus.Open, Attempt(id).Status);
    }

    [Fact]
    public async Task Checkout_AlipayConfirmedOnPhone_DesktopMovesOnWithoutReload()
    {
        var id = SeedAttempt(PaymentMethodKind.Alipay, "CNY");
        var desktop = await fx.NewPageAsync();
        await desktop.GotoInteractiveAsync($"/checkout/test/{id}?method=alipay");
        await Assertions.Expect(desktop.GetByTestId("alipay-qr")).ToBeVisibleAsync();
        await Assertions.Expect(desktop.GetByTestId("alipay-waiting")).ToBeVisibleAsync();
        await desktop.ScreenshotAsync("checkout-alipay-desktop");
        var phoneUrl = await desktop.GetByTestId("alipay-open-here").GetAttributeAsync("href");
        Assert.EndsWith($"/checkout/test/{id}/alipay", phoneUrl);

        var phone = await fx.NewPageAsync(375, 800);
        await phone.GotoInteractiveAsync(phoneUrl!);
        await Assertions.Expect(phone.GetByTestId("alipay-amount")).ToContainTextAsync("87.00");
        await phone.ScreenshotAsync("checkout-alipay-phone");
        await phone.GetByTestId("alipay-confirm").ClickAsync();

        await Assertions.Expect(phone.GetByTestId("alipay-result")).ToContainTextAsync("Payment confirmed");
        await desktop.WaitForURLAsync($"**/checkout/return/{id}");
        await Assertions.Expect(desktop.GetByTestId("payment-outcome")).ToHaveTextAsync("Payment received");
        Assert.Equal(PaymentAttemptStatus.Paid, Attempt(id).Status);
    }

    [Fact]
    public async Task Checkout_AlipayCancelledOnPhone_DesktopSaysSoAndStaysUnpaid()
    {
        var id = SeedAttempt(PaymentMethodKind.Alipay, "CNY");
        var desktop = await fx.NewPageAsync();
        await desktop.GotoInteractiveAsync($"/checkout/test/{id}?method=alipay");
        var phone = await fx.NewPageAsync(375, 800);
        await phone.GotoInteractiveAsync($"/checkout/test/{id}/alipay");

        await phone.GetByTestId("alipay-cancel").ClickAsync();

        await Assertions.Expect(desktop.GetByTestId("alipay-cancelled")).ToContainTextAsync("cancelled on your phone");
        Assert.Equal(PaymentAttemptStatus.Open, Attempt(id).Status);
    }

    [Fact]
    public async Task AdminPayments_PaymentWithWrongAmount_ShownAsHeldForReview()
    {
        var id = SeedAttempt();
        string orderNumber;
        using (var db = fx.App.CreateDbContext())
        {
            var a = db.PaymentAttempts.Single(x => x.Id == id);
            a.Succeed(870, "eur", "pi_short", DateTime.UtcNow);
            orderNumber = a.OrderNumber;
            db.SaveChanges();
        }
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoAdminAsync(page, "/admin/payments");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.GetByTestId("review-alert")).ToContainTextAsync("need review");
        await page.GetByPlaceholder("Order number or email").FillAsync(orderNumber);
        var row = page.Locator("tr", new() { HasText = orderNumber });
        await Assertions.Expect(row).ToContainTextAsync("Needs review");
        await Assertions.Expect(row).ToContainTextAsync("Provider reported 8.70 EUR for a checkout of 87.00 EUR");
        await page.ScreenshotAsync("admin-payments");
    }
}
