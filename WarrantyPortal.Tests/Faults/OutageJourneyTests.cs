using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Faults;

/// <summary>A portal whose Stripe is a stand-in on a fixed loopback port, with a short call timeout, and Chromium.</summary>
public sealed class StripeOutageFixture() : BrowserFixture(Settings()), IAsyncLifetime
{
    private static int _port;

    public FakeStripe Stripe { get; private set; } = default!;

    private static Dictionary<string, string?> Settings()
    {
        var port = _port = SmtpListener.FreePort();
        return new()
        {
            ["Payments:Stripe:SecretKey"] = "sk_test_fake_portal",
            ["Payments:Stripe:ApiBase"] = $"http://127.0.0.1:{port}",
            ["Payments:Stripe:WebhookSecret"] = "whsec_test_outage_5e1f",
            ["Payments:Stripe:TimeoutSeconds"] = "3",
            ["Payments:Stripe:MaxNetworkRetries"] = "1", // as in production: a stale pooled connection after the outage is retried
            ["Payments:ReconcileIntervalSeconds"] = "3600",
        };
    }

    public new async Task InitializeAsync()
    {
        Stripe = await FakeStripe.StartAsync(_port);
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

/// <summary>Stripe unreachable or slow while a customer pays: a clear message on the pay page, the order untouched, and paying works once Stripe is back.</summary>
public sealed class StripeOutageJourneyTests(StripeOutageFixture fx) : IClassFixture<StripeOutageFixture>
{
    private async Task<IPage> OpenPayPageAsync(string number)
    {
        var page = await fx.NewPageAsync();
        // The customer is sent to Stripe's hosted page; there is no internet here, so answer for it.
        await page.Context.RouteAsync("https://checkout.stripe.com/**", r => r.FulfillAsync(new() { ContentType = "text/html", Body = "<h1>Stripe Checkout</h1>" }));
        await SignIn.AsDemoCustomerAsync(page, "/orders");
        await page.GotoAsync($"/orders/{number}/pay");
        await page.GetByTestId("pay-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    [Theory]
    [InlineData("unreachable")]
    [InlineData("slow")]
    public async Task PayByCard_StripeDownThenBack_ClearMessageOrderUntouchedThenCheckoutOpens(string how)
    {
        var number = await fx.App.ApprovedOrderAsync();
        var page = await OpenPayPageAsync(number);
        if (how == "slow") fx.Stripe.Delay = TimeSpan.FromSeconds(60);
        else fx.Stripe.Unreachable = true;
        try
        {
            await page.GetByTestId("pay-Card").ClickAsync();

            await Assertions.Expect(page.GetByTestId("pay-message")).ToContainTextAsync("payment service is not reachable right now. Nothing was charged");
            await page.ScreenshotAsync($"pay-stripe-{how}");
        }
        finally
        {
            fx.Stripe.Delay = TimeSpan.Zero;
            fx.Stripe.Unreachable = false;
        }
        Assert.Equal(OrderStatus.Approved, fx.App.OrderByNumber(number).Status);
        await Assertions.Expect(page.GetByTestId("pay-Card")).ToBeEnabledAsync();

        await page.GetByTestId("pay-Card").ClickAsync();

        await page.WaitForURLAsync(new Regex("^https://checkout\\.stripe\\.com/c/pay/cs_test_"));
        await using var db = fx.App.CreateDbContext();
        var attempts = await db.PaymentAttempts.AsNoTracking().Where(a => a.OrderNumber == number).ToListAsync();
        Assert.Equal(2, attempts.Count);
        Assert.Single(attempts, a => a.Status == PaymentAttemptStatus.Failed);
        Assert.Single(attempts, a => a.Status == PaymentAttemptStatus.Open && a.ProviderSessionId != null);
        Assert.Equal(OrderStatus.Approved, fx.App.OrderByNumber(number).Status);
    }
}

/// <summary>A portal on the manufacturer's remote registry, a stand-in on a fixed loopback port, and Chromium.</summary>
public sealed class RegistryOutageFixture() : BrowserFixture(Settings()), IAsyncLifetime
{
    private static int _port;

    public FakeRegistryPlatform Platform { get; private set; } = default!;

    private static Dictionary<string, string?> Settings()
    {
        _port = SmtpListener.FreePort();
        return new()
        {
            ["Registry:Mode"] = "Remote",
            ["Registry:BaseUrl"] = $"http://127.0.0.1:{_port}/api/registry/",
            ["Registry:AttemptTimeout"] = "00:00:01",
            ["Registry:TotalTimeout"] = "00:00:03",
            ["Registry:BreakDuration"] = "00:00:01",
            ["Registry:CacheDuration"] = "00:00:00.001",
        };
    }

    public new async Task InitializeAsync()
    {
        Platform = await FakeRegistryPlatform.StartAsync(_port);
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Platform.DisposeAsync();
    }
}

/// <summary>The remote registry down while someone checks a warranty: they are told to try again shortly, and it works when it is back.</summary>
public sealed class RegistryOutageJourneyTests(RegistryOutageFixture fx) : IClassFixture<RegistryOutageFixture>
{
    [Fact]
    public async Task Check_RegistryDownThenBack_SaysTryAgainShortlyThenAnswers()
    {
        const string serial = "702000100001";
        fx.Platform.Devices[serial] = FakeRegistryPlatform.Device(serial);
        fx.Platform.Mode = FakeRegistryPlatform.Behaviour.Fail;
        var page = await fx.NewPageAsync();
        await page.GotoInteractiveAsync("/check");
        await page.Locator("input[data-testid=sn-input]").FillAsync(serial);
        await page.GetByTestId("add-sn").ClickAsync();

        await page.GetByTestId("query-now").ClickAsync();

        await Assertions.Expect(page.GetByTestId("check-error")).ToHaveTextAsync("The device registry is not answering, try again shortly.");
        await page.ScreenshotAsync("check-registry-down");

        fx.Platform.Mode = FakeRegistryPlatform.Behaviour.Normal;
        // The breaker may still be open for a moment: the person simply asks again, as the message says.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await page.GetByTestId("query-now").ClickAsync();
            try
            {
                await Assertions.Expect(page.GetByTestId("check-error")).ToHaveCountAsync(0, new() { Timeout = 3_000 });
                break;
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
            }
        }
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(serial);
    }
    [Fact]
    public async Task Buy_RegistryDown_CardSaysTryAgainShortlyAndKeepsTheSerial()
    {
        const string serial = "702000100002";
        fx.Platform.Devices[serial] = FakeRegistryPlatform.Device(serial);
        fx.Platform.Mode = FakeRegistryPlatform.Behaviour.Fail;
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoCustomerAsync(page, "/buy");
        await page.WaitForInteractiveAsync();
        var card = page.Locator("[data-testid=product-card]").First;
        var input = card.Locator("input[data-testid=product-sn]");

        await input.ClickAsync();
        await input.PressSequentiallyAsync(serial);

        await Assertions.Expect(card.GetByTestId("sn-message")).ToHaveTextAsync("The device registry is not answering, try again shortly.");
        await Assertions.Expect(input).ToHaveValueAsync(serial);
        await page.ScreenshotAsync("buy-registry-down");

        await Assertions.Expect(card).ToHaveAttributeAsync("data-quoted", "");
        fx.Platform.Mode = FakeRegistryPlatform.Behaviour.Normal;
    }
}

/// <summary>A portal of its own (its mail server is stopped and started), and Chromium.</summary>
public sealed class SmtpOutageFixture : BrowserFixture;

/// <summary>The mail server down when a customer asks for a sign-in code: the page says it is sent, the outbox keeps it, and it arrives once the server is back.</summary>
public sealed class SmtpOutageJourneyTests(SmtpOutageFixture fx) : IClassFixture<SmtpOutageFixture>
{
    [Fact]
    public async Task SignInCode_SmtpDownThenBack_KeptInOutboxThenDeliveredAndSignsIn()
    {
        const string email = OrdersDemoSeeder.CustomerEmail;
        await fx.App.Smtp.StopAsync();
        var page = await fx.NewPageAsync();
        await page.GotoAsync("/Account/LoginWithCode");
        await page.Locator("input[name='Input.Email']").FillAsync(email);

        await page.Locator("[data-testid=send-code]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=code-info]")).ToBeVisibleAsync();
        var queued = await WaitForAsync(() =>
        {
            using var db = fx.App.CreateDbContext();
            return db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == email && m.Attempts > 0 && m.Status == OutboxStatus.Pending)
                .OrderByDescending(m => m.Id).FirstOrDefault();
        });
        Assert.NotNull(queued!.LastError);

        fx.App.Smtp.Start();

        var message = await fx.App.Smtp.WaitForAsync(email, "sign-in code", TimeSpan.FromSeconds(60));
        var code = Regex.Match(message.TextBody ?? "", @"\b\d{6}\b").Value;
        await page.Locator("input[name='Input.Code']").FillAsync(code);
        await page.Locator("[data-testid=sign-in-code]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/LoginWithCode", StringComparison.OrdinalIgnoreCase));
        await using var check = fx.App.CreateDbContext();
        Assert.Equal(OutboxStatus.Sent, (await check.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == queued.Id)).Status);
        Assert.Single(fx.App.Smtp.Messages, m => m.Subject == message.Subject && m.To.ToString() == message.To.ToString());
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (probe() is { } found) return found;
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in 30 s");
            await Task.Delay(100);
        }
    }
}
