using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

/// <summary>An administrator audits orders in the grid; the order's open page and the customer's inbox follow.</summary>
[Collection(BrowserCollection.Name)]
public class AdminAuditJourneyTests(BrowserFixture fx)
{
    private async Task<string> PlaceOrderAsync(string email)
    {
        await using var db = fx.App.CreateDbContext();
        var customer = await db.Users.SingleAsync(u => u.Email == "customer@demo.warrantyportal.test");
        var buyer = new BuyerSnapshot
        {
            FullName = "Journey Buyer", Country = "FR", Phone = "+33 1 00 00 00 00", Email = email, PayerKind = PayerKind.Person,
            PayerName = "Journey Buyer",
            InstallationAddress = new PostalAddress { Line1 = "1 rue du Test", PostalCode = "75001", City = "Paris", Country = "FR" },
        };
        var at = DateTime.UtcNow;
        var order = Order.CreateDraft(customer.Id, buyer, "EUR", false,
            [new OrderLine($"JRN{Guid.NewGuid():N}"[..16].ToUpperInvariant(), "DS3-H", "DS3-H", "MI-TO20", "Extend to 20 years", 24_00, 24_00, 2000)],
            null, true, OrderActor.Customer(customer.Id, "Journey Buyer"), at);
        var number = $"WE19990101{Random.Shared.Next(1000, 99999):D5}";
        order.Submit(number, OrderActor.Customer(customer.Id, "Journey Buyer"), at);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return number;
    }

    private static async Task FilterToAsync(IPage page, string number)
    {
        await page.Locator("[data-status=Submitted]").ClickAsync();
        await page.Locator("[data-testid=filter-number] input, input[data-testid=filter-number]").First.FillAsync(number);
        await Assertions.Expect(page.Locator("[data-testid=audit-grid] [data-testid=order-link]")).ToHaveTextAsync([number]);
        await page.Locator("[data-testid=audit-grid] tbody tr").First.Locator("input[type=checkbox]").CheckAsync(new() { Force = true });
        await Assertions.Expect(page.Locator("[data-testid=bulk-bar]")).ToContainTextAsync("1 selected");
    }

    [Fact]
    public async Task AuditGrid_AdminApprovesOneRejectsAnother_OpenOrderPageUpdatesAndCustomersAreEmailed()
    {
        var approveEmail = $"approve-{Guid.NewGuid():N}@example.test";
        var rejectEmail = $"reject-{Guid.NewGuid():N}@example.test";
        var toApprove = await PlaceOrderAsync(approveEmail);
        var toReject = await PlaceOrderAsync(rejectEmail);

        // The order's page is open elsewhere while the audit happens.
        var watcher = await fx.NewPageAsync();
        await SignIn.AsDemoAdminAsync(watcher, "/admin/orders/" + toApprove);
        await watcher.WaitForInteractiveAsync();
        await Assertions.Expect(watcher.Locator("[data-testid=order-status]")).ToHaveTextAsync("Awaiting audit");

        var page = await fx.NewPageAsync();
        await SignIn.AsDemoAdminAsync(page, "/admin/orders");
        await page.WaitForInteractiveAsync();

        await FilterToAsync(page, toApprove);
        await page.Locator("[data-testid=bulk-approve]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("1 order(s) approved");
        await Assertions.Expect(watcher.Locator("[data-testid=order-status]")).ToHaveTextAsync("Approved");

        await FilterToAsync(page, toReject);
        await page.Locator("[data-testid=bulk-reject]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=bulk-bar]")).ToContainTextAsync("Give a reason");
        await page.Locator("[data-testid=bulk-reason] input, input[data-testid=bulk-reason]").First.FillAsync("The device is not registered");
        await page.Locator("[data-testid=bulk-reject]").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("1 order(s) rejected");

        var approved = await fx.App.Smtp.WaitForAsync(approveEmail, toApprove, TimeSpan.FromSeconds(30));
        var rejected = await fx.App.Smtp.WaitForAsync(rejectEmail, toReject, TimeSpan.FromSeconds(30));
        Assert.Contains("approved", approved.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("The device is not registered", rejected.TextBody);
        await page.ScreenshotAsync("admin-audit-grid");
        await watcher.ScreenshotAsync("admin-order-detail");
    }
}
