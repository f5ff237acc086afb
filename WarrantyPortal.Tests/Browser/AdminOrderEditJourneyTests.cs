using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

/// <summary>An administrator changes the plan of a device on an order awaiting the audit; the grid shows payment methods.</summary>
[Collection(BrowserCollection.Name)]
public class AdminOrderEditJourneyTests(BrowserFixture fx)
{
    /// <summary>A micro inverter of its own (so no other journey's order holds it) on a submitted order, plan MI-TO20.</summary>
    private async Task<(string Number, string Serial)> PlaceOrderAsync()
    {
        await using var db = fx.App.CreateDbContext();
        var serial = "7029" + Random.Shared.Next(10_000_000, 99_999_999);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var commissioned = today.AddMonths(-6);
        db.Set<Device>().Add(new Device
        {
            SerialNumber = serial, Model = "DS3-H", Family = ProductFamily.MicroInverter, RatedPowerW = 880, ProductionDate = commissioned.AddMonths(-1),
            CommissioningDate = commissioned, BaseWarrantyStart = commissioned, BaseWarrantyEnd = commissioned.AddYears(12).AddDays(-1), CountryCode = "FR",
            UpdatedAtUtc = DateTime.UtcNow,
        });
        var customer = await db.Users.SingleAsync(u => u.Email == "customer@demo.warrantyportal.test");
        var buyer = new BuyerSnapshot
        {
            FullName = "Plan Change Buyer", Country = "FR", Phone = "+33 1 00 00 00 00", Email = $"plan-{Guid.NewGuid():N}@example.test",
            PayerKind = PayerKind.Person, PayerName = "Plan Change Buyer",
            InstallationAddress = new PostalAddress { Line1 = "1 rue du Test", PostalCode = "75001", City = "Paris", Country = "FR" },
        };
        var at = DateTime.UtcNow;
        var order = Order.CreateDraft(customer.Id, buyer, "EUR", false,
            [new OrderLine(serial, "DS3-H", "DS3-H · Micro inverter", "MI-TO20", "DS3 micro inverter: extend to 20 years", 24_00, 24_00, 2000)],
            null, true, OrderActor.Customer(customer.Id, "Plan Change Buyer"), at);
        var number = $"WE19990102{Random.Shared.Next(1000, 99999):D5}";
        order.Submit(number, OrderActor.Customer(customer.Id, "Plan Change Buyer"), at);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return (number, serial);
    }

    [Fact]
    public async Task OrderPage_AdminChangesPlan_LineTotalsAndTrailFollow()
    {
        var (number, serial) = await PlaceOrderAsync();
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoAdminAsync(page, "/admin/orders/" + number);
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=line-plan]")).ToContainTextAsync("MI-TO20");
        await Assertions.Expect(page.Locator("[data-testid=order-payment-method]")).ToContainTextAsync("Not chosen yet");

        await page.Locator("[data-testid=change-plan]").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog.Locator(".mud-dialog-title")).ToContainTextAsync(serial);
        var option = dialog.Locator("[data-plan=MI-TO25]");
        await Assertions.Expect(option).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(dialog.Locator("[data-plan^=SI-]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("admin-change-plan-dialog");
        await option.ClickAsync();
        await dialog.Locator("[data-testid=change-plan-confirm]").ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Plan changed");
        await Assertions.Expect(page.Locator("[data-testid=line-plan]")).ToContainTextAsync("MI-TO25");
        var trailAction = page.Locator("[data-testid=audit-action][data-action=PlanChanged]");
        await Assertions.Expect(trailAction).ToHaveTextAsync("Plan changed");

        await using var db = fx.App.CreateDbContext();
        var saved = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Number == number);
        Assert.Equal("MI-TO25", saved.Lines.Single().PlanCode);
        Assert.NotEqual(24_00 * 120 / 100, saved.TotalMinor); // priced from the list, not the 24.00 placed on the order
        Assert.Equal(saved.Totals.Total.Minor, saved.TotalMinor);
        await page.ScreenshotAsync("admin-order-plan-changed");
        var phone = await fx.NewPageAsync(375, 800);
        await SignIn.AsDemoAdminAsync(phone, "/admin/orders/" + number);
        await phone.WaitForInteractiveAsync();
        await Assertions.Expect(phone.Locator("[data-testid=line-plan]")).ToContainTextAsync("MI-TO25");
        await phone.ScreenshotAsync("admin-order-plan-changed-375");
    }

    [Fact]
    public async Task AuditGrid_FilterByPaymentMethod_ShowsOnlyThatMethod()
    {
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoAdminAsync(page, "/admin/orders");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-status=all]").ClickAsync();

        await page.Locator("[data-testid=filter-method]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Wire transfer" }).ClickAsync();

        var methods = page.Locator("[data-testid=audit-grid] [data-testid=payment-method]");
        await Assertions.Expect(methods.First).ToContainTextAsync("Wire transfer");
        foreach (var text in await methods.AllInnerTextsAsync()) Assert.Contains("Wire transfer", text);
        await page.ScreenshotAsync("admin-audit-grid-payment-method");
        var phone = await fx.NewPageAsync(375, 800);
        await SignIn.AsDemoAdminAsync(phone, "/admin/orders");
        await phone.WaitForInteractiveAsync();
        await phone.ScreenshotAsync("admin-audit-grid-375");
    }
}
