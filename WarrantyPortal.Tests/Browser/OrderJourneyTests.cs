using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

/// <summary>My orders and order details for the demo customer, whose demo orders the app seeds.</summary>
[Collection(BrowserCollection.Name)]
public class OrderJourneyTests(BrowserFixture fx)
{
    private const string CancelledSerial = "SI1ES120N09113";
    private const string SubmittedSerial = "HY3K6ES220009054";
    private const string ApprovedSerial = "SI1ES120N09310";

    private async Task<string> NumberOfAsync(string serial)
    {
        await using var db = fx.App.CreateDbContext();
        return await db.Orders.Where(o => o.Lines.Any(l => l.SerialNumber == serial)).Select(o => o.Number!).SingleAsync();
    }

    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(375, 800, "phone")]
    public async Task MyOrders_DemoCustomer_ListsOrdersSearchesBySerialAndOpensDetails(int width, int height, string shot)
    {
        var page = await fx.NewPageAsync(width, height);
        await SignIn.AsDemoCustomerAsync(page, "/orders");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.GetByTestId("order-card")).ToHaveCountAsync(5);
        await page.ScreenshotAsync($"orders-list-{shot}");

        await page.GetByTestId("orders-search").FillAsync(CancelledSerial);
        await Assertions.Expect(page.GetByTestId("order-card")).ToHaveCountAsync(1);
        await page.GetByTestId("order-card").ClickAsync();

        await Assertions.Expect(page.GetByTestId("order-lines")).ToContainTextAsync(CancelledSerial);
        await Assertions.Expect(page.GetByTestId("order-status")).ToContainTextAsync("Cancelled");
        await Assertions.Expect(page.GetByTestId("order-timeline")).ToContainTextAsync("Ordered the wrong plan");
        Assert.Equal(0, await page.GetByTestId("order-cancel").CountAsync());
        await page.ScreenshotAsync($"order-cancelled-{shot}");
    }

    [Fact]
    public async Task OrderDetails_AdminApprovesWhileOpen_PageShowsPayWithoutReload()
    {
        var number = await NumberOfAsync(SubmittedSerial);
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoCustomerAsync(page, $"/orders/{number}");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("order-status")).ToContainTextAsync("Awaiting audit");
        Assert.Equal(0, await page.GetByTestId("order-pay").CountAsync());
        await page.ScreenshotAsync("order-submitted-desktop");

        await using (var db = fx.App.CreateDbContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Number == number);
            order.Approve(OrderActor.Admin("admin", "Admin"), DateTime.UtcNow, "All devices checked.");
            await db.SaveChangesAsync();
            fx.App.Get<OrderChangeNotifier>().Publish(order.Id);
        }

        await Assertions.Expect(page.GetByTestId("order-status")).ToContainTextAsync("Awaiting payment");
        await Assertions.Expect(page.GetByTestId("order-pay")).ToHaveAttributeAsync("href", $"orders/{number}/pay");
        await Assertions.Expect(page.GetByTestId("order-timeline")).ToContainTextAsync("All devices checked.");
    }

    [Fact]
    public async Task OrderDetails_CancelWithReason_ClosesTheOrder()
    {
        var number = await NumberOfAsync(ApprovedSerial);
        var page = await fx.NewPageAsync(375, 800);
        await SignIn.AsDemoCustomerAsync(page, $"/orders/{number}");
        await page.WaitForInteractiveAsync();
        await page.ScreenshotAsync("order-approved-phone");

        await page.GetByTestId("order-cancel").ClickAsync();
        await page.GetByTestId("cancel-confirm").ClickAsync();
        await Assertions.Expect(page.GetByText("Please tell us why you cancel the order.")).ToBeVisibleAsync();
        await page.GetByTestId("cancel-reason").FillAsync("Bought locally instead");
        await page.GetByTestId("cancel-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("order-status")).ToContainTextAsync("Cancelled");
        await Assertions.Expect(page.GetByTestId("order-banner")).ToContainTextAsync("Bought locally instead");
        await Assertions.Expect(page.GetByTestId("order-cancel")).ToHaveCountAsync(0);
        await using var db = fx.App.CreateDbContext();
        Assert.Equal(OrderStatus.Cancelled, await db.Orders.Where(o => o.Number == number).Select(o => o.Status).SingleAsync());
    }

    [Fact]
    public async Task OrderDetails_AnotherCustomersNumber_NotFound()
    {
        var number = await NumberOfAsync(CancelledSerial);
        var page = await fx.NewPageAsync();
        await SignIn.WithPasswordAsync(page, "reseller@demo.warrantyportal.test", "demo-reseller-2026", $"/orders/{number}");

        await Assertions.Expect(page.GetByTestId("order-not-found")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByText(CancelledSerial).CountAsync());
        await page.GotoAsync($"/orders/{number}/submitted");
        await Assertions.Expect(page.GetByTestId("order-not-found")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(1280, 900, "desktop")]
    [InlineData(375, 800, "phone")]
    public async Task SubmittedPage_OwnOrder_ConfirmsAndShowsStepBarAtAudit(int width, int height, string shot)
    {
        var number = await NumberOfAsync("HY3K6ES220009007");
        var page = await fx.NewPageAsync(width, height);
        await SignIn.AsDemoCustomerAsync(page, $"/orders/{number}/submitted");

        await Assertions.Expect(page.GetByTestId("order-submitted"))
            .ToContainTextAsync("The order has been submitted successfully. Please wait patiently for the audit results!");
        await Assertions.Expect(page.GetByTestId("submitted-number")).ToHaveTextAsync(number);
        await page.ScreenshotAsync($"order-confirmation-{shot}");
    }
    [Theory]
    [InlineData("en", 1280, 900)]
    [InlineData("en", 375, 800)]
    [InlineData("fr", 1280, 900)]
    [InlineData("fr", 375, 800)]
    public async Task OrderDetails_EnglishOrFrench_DatesDayFirst(string culture, int width, int height)
    {
        DateTime submitted;
        await using (var db = fx.App.CreateDbContext())
        {
            submitted = await db.Orders.Where(o => o.Lines.Any(l => l.SerialNumber == SubmittedSerial)).Select(o => o.SubmittedAtUtc!.Value).SingleAsync();
        }
        var number = await NumberOfAsync(SubmittedSerial);
        var page = await fx.NewPageAsync(width, height);
        await SignIn.AsDemoCustomerAsync(page, "/");
        await page.GotoAsync($"/culture/set?culture={culture}&returnUrl={Uri.EscapeDataString($"/orders/{number}")}");
        await page.WaitForInteractiveAsync();

        // 22/06/2036 in both languages: the portal serves European installers, never the US month-first 6/22/2036.
        var expected = submitted.ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC";
        await Assertions.Expect(page.Locator("dd", new() { HasText = expected })).ToBeVisibleAsync();
        await page.ScreenshotAsync($"order-dates-{culture}-{width}");
    }

    [Fact]
    public async Task OrderDetails_French_PageAndStatusesTranslated()
    {
        var number = await NumberOfAsync(CancelledSerial);
        var page = await fx.NewPageAsync(375, 800);
        await SignIn.AsDemoCustomerAsync(page, "/");
        await page.GotoAsync($"/culture/set?culture=fr&returnUrl={Uri.EscapeDataString($"/orders/{number}")}");
        await page.WaitForInteractiveAsync();

        await Assertions.Expect(page.Locator("h2").First).ToHaveTextAsync("Informations sur l'acheteur");
        await Assertions.Expect(page.GetByTestId("order-status")).ToContainTextAsync("Annulée");
        await Assertions.Expect(page.GetByTestId("order-steps")).ToContainTextAsync("Validation de la commande");
        await page.ScreenshotAsync("order-cancelled-phone-fr");
    }
    [Fact]
    public async Task MyOrders_OrderPaidElsewhere_CardUpdatesWithoutReload()
    {
        var number = await NumberOfAsync("HY3K6ES220009008");
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoCustomerAsync(page, "/orders");
        await page.WaitForInteractiveAsync();
        var card = page.Locator($"[data-testid=order-card][data-number={number}]");
        await Assertions.Expect(card.GetByTestId("order-status")).ToContainTextAsync("Awaiting transfer");

        await using (var db = fx.App.CreateDbContext())
        {
            var order = await db.Orders.SingleAsync(o => o.Number == number);
            order.MarkPaid(OrderActor.Admin("admin", "Admin"), DateTime.UtcNow, "Transfer received");
            await db.SaveChangesAsync();
            fx.App.Get<OrderChangeNotifier>().Publish(order.Id);
        }

        await Assertions.Expect(card.GetByTestId("order-status")).ToContainTextAsync("Paid");
    }
    [Fact]
    public async Task Eligibility_DemoOrdersOpenDevices_ReportedAsInAnOpenOrder()
    {
        var lookup = fx.App.Get<WarrantyPortal.Features.Catalog.IOpenOrderLookup>();
        var found = await lookup.SerialNumbersInOpenOrdersAsync([SubmittedSerial, CancelledSerial], null, default);
        Assert.Contains(SubmittedSerial, found);
        Assert.DoesNotContain(CancelledSerial, found);
    }
}
