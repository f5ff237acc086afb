using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Audit;
using WarrantyPortal.Features.Admin.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

/// <summary>A portal with wire transfer configured, and Chromium, for the payment page journeys.</summary>
public sealed class PaymentPageFixture() : BrowserFixture(new Dictionary<string, string?>
{
    ["Payments:BankTransfer:AccountHolder"] = "WarrantyPortal SAS",
    ["Payments:BankTransfer:Iban"] = "FR7630006000011234567890189",
    ["Payments:BankTransfer:Bic"] = "AGRIFRPP",
    ["Payments:BankTransfer:BankName"] = "Crédit Agricole",
})
{
    /// <summary>A new order of the demo customer, approved directly in the database; returns its number.</summary>
    public Task<string> ApprovedOrderAsync(string ownerEmail = OrdersDemoSeeder.CustomerEmail) => NewOrderAsync(ownerEmail, approve: true);

    /// <summary>A new order of the demo customer awaiting the audit (installed in Berlin, 12045); returns its number.</summary>
    public async Task<string> NewOrderAsync(string ownerEmail = OrdersDemoSeeder.CustomerEmail, bool approve = false)
    {
        var now = DateTime.UtcNow;
        await App.Get<OrderNumberAllocator>().EnsureDayAsync(now, default);
        await using var db = App.CreateDbContext();
        var customer = await db.Users.AsNoTracking().SingleAsync(u => u.Email == ownerEmail);
        var buyer = new BuyerSnapshot
        {
            FullName = customer.FullName, Country = "DE", Phone = "+49 30 1234567", Email = customer.Email!,
            PayerKind = PayerKind.Person, PayerName = customer.FullName,
            InstallationAddress = new PostalAddress { Line1 = "Sonnenallee 1", PostalCode = "12045", City = "Berlin", Country = "DE" },
        };
        var serial = "SI1ES120N" + Random.Shared.Next(10000, 99999);
        var line = OrderDraft.ToLine(new PricedLine(serial, "SI-10K", "SI-10K string inverter", "SI-TO15", "String inverter: extend to 15 years", 299_00, 299_00, 1900));
        var me = OrderActor.Customer(customer.Id, customer.FullName);
        var order = Order.CreateDraft(customer.Id, buyer, "EUR", false, [line], null, true, me, now);
        await using var tx = await db.Database.BeginTransactionAsync();
        order.Submit(await OrderNumberAllocator.NextAsync(db, now, default), me, now);
        if (approve) order.Approve(OrderActor.System, now);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return order.Number!;
    }

    /// <summary>Approves through the back office service, as an admin would: the approval email goes out with its payment link.</summary>
    public async Task ApproveAsync(string number)
    {
        Guid id, version;
        await using (var db = App.CreateDbContext())
        {
            var o = await db.Orders.AsNoTracking().Where(x => x.Number == number).Select(x => new { x.Id, x.Version }).SingleAsync();
            (id, version) = (o.Id, o.Version);
        }
        var result = await App.Get<OrderAdminService>().ApproveAsync(new OrderRef(id, version), new AdminActor("admin", "Ada Admin"));
        Assert.Equal(AdminOutcome.Done, result.Outcome);
    }

    public OrderStatus StatusOf(string number)
    {
        using var db = App.CreateDbContext();
        return db.Orders.AsNoTracking().Single(o => o.Number == number).Status;
    }
}

public class OrderPaymentJourneyTests(PaymentPageFixture fx) : IClassFixture<PaymentPageFixture>
{
    private async Task<IPage> OpenPayPageAsync(string number, int width = 1280)
    {
        var page = await fx.NewPageAsync(width, 900);
        await SignIn.AsDemoCustomerAsync(page, "/orders");
        await page.GotoInteractiveAsync("/orders");
        await page.Locator($"[data-testid=order-card][data-number='{number}']").ClickAsync();
        await page.WaitForURLAsync($"**/orders/{number}");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("order-pay").ClickAsync();
        await page.WaitForURLAsync($"**/orders/{number}/pay");
        await page.GetByTestId("pay-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    private static async Task PayByCardAsync(IPage page, string cardNumber)
    {
        await page.GetByTestId("pay-Card").ClickAsync();
        await page.WaitForURLAsync("**/checkout/test/**");
        await page.WaitForInteractiveAsync();
        await page.Locator("#card-number").FillAsync(cardNumber);
        await page.Locator("#card-expiry").FillAsync("12 / 34");
        await page.Locator("#card-cvc").FillAsync("123");
        await page.Locator("#card-name").FillAsync("Demo Customer");
        await page.GetByTestId("pay").ClickAsync();
    }

    [Fact]
    public async Task PayPage_Card4242_OrderPaidAndPaymentReceivedEmailed()
    {
        var number = await fx.ApprovedOrderAsync();
        var page = await OpenPayPageAsync(number);
        await Assertions.Expect(page.GetByTestId("pay-amount")).ToHaveTextAsync("€355.81");
        await page.ScreenshotAsync("pay-page-desktop");

        await PayByCardAsync(page, "4242 4242 4242 4242");

        await page.WaitForURLAsync("**/checkout/return/**");
        await Assertions.Expect(page.GetByTestId("payment-outcome")).ToHaveTextAsync("Payment received");
        await page.GotoInteractiveAsync($"/orders/{number}");
        await Assertions.Expect(page.GetByTestId("order-banner")).ToContainTextAsync("Payment received");
        Assert.Equal(OrderStatus.Paid, fx.StatusOf(number));
        var mail = await fx.App.Smtp.WaitForAsync(OrdersDemoSeeder.CustomerEmail, $"Payment received for order {number}");
        Assert.Contains("€355.81", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayPage_DeclinedCard9995_ClearMessageAndOrderUnpaid()
    {
        var number = await fx.ApprovedOrderAsync();
        var page = await OpenPayPageAsync(number);

        await PayByCardAsync(page, "4000 0000 0000 9995");

        await Assertions.Expect(page.GetByTestId("card-error")).ToContainTextAsync("insufficient funds");
        Assert.Equal(OrderStatus.Approved, fx.StatusOf(number));
    }

    [Fact]
    public async Task PayPage_WireTransfer_InstructionsShownEmailedAndOrderAwaitsTransfer()
    {
        var number = await fx.ApprovedOrderAsync();
        var page = await OpenPayPageAsync(number, 375);
        await page.ScreenshotAsync("pay-page-phone");

        await page.GetByTestId("pay-WireTransfer").ClickAsync();

        await Assertions.Expect(page.GetByTestId("transfer-reference")).ToHaveTextAsync(number);
        await Assertions.Expect(page.GetByTestId("transfer-iban")).ToHaveTextAsync("FR76 3000 6000 0112 3456 7890 189");
        await Assertions.Expect(page.GetByTestId("transfer-amount")).ToHaveTextAsync("€355.81");
        await page.ScreenshotAsync("pay-page-transfer-phone");
        Assert.Equal(OrderStatus.AwaitingTransfer, fx.StatusOf(number));
        var mail = await fx.App.Smtp.WaitForAsync(m => (m.Subject ?? "").Contains(number, StringComparison.Ordinal)
                                                       && (m.TextBody ?? "").Contains("FR76 3000 6000 0112 3456 7890 189", StringComparison.Ordinal));
        Assert.Contains(number, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayPage_AnotherCustomersOrder_NotFoundAndNothingShown()
    {
        var number = await fx.ApprovedOrderAsync("admin@demo.warrantyportal.test");
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoCustomerAsync(page, "/orders");

        await page.GotoAsync($"/orders/{number}/pay");

        await Assertions.Expect(page.GetByTestId("order-not-found")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("pay-methods")).ToHaveCountAsync(0);
        Assert.Equal(OrderStatus.Approved, fx.StatusOf(number));
    }

    [Fact]
    public async Task PaymentLink_FromTheApprovalEmail_SignedOut_PaysThatOrderAndThenStopsWorking()
    {
        var number = await fx.NewOrderAsync();
        await fx.ApproveAsync(number);
        var mail = await fx.App.Smtp.WaitForAsync(OrdersDemoSeeder.CustomerEmail, $"Order {number} approved");
        Assert.Contains($"Your order {number} has been approved. Please click the link to complete the payment.", mail.TextBody, StringComparison.Ordinal);
        var link = PortalApp.LinkIn(mail, "/pay/");

        // A browser that never signed in.
        var page = await fx.NewPageAsync();
        await page.GotoAsync(link);
        await page.GetByTestId("pay-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(number);
        await Assertions.Expect(page.GetByTestId("pay-amount")).ToHaveTextAsync("€355.81");
        await Assertions.Expect(page.GetByTestId("pay-lines")).ToContainTextAsync("SI-10K");
        await Assertions.Expect(page.GetByTestId("pay-details")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("pay-link-desktop");
        var phone = await fx.NewPageAsync(375, 800);
        await phone.GotoAsync(link);
        await phone.GetByTestId("pay-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await phone.ScreenshotAsync("pay-link-phone");

        await PayByCardAsync(page, "4242 4242 4242 4242");

        await page.WaitForURLAsync("**/checkout/return/**");
        await Assertions.Expect(page.GetByTestId("payment-outcome")).ToHaveTextAsync("Payment received");
        Assert.Contains(fx.StatusOf(number), new[] { OrderStatus.Paid, OrderStatus.Completed });

        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByTestId("pay-link-closed")).ToContainTextAsync($"Order {number} has been paid");
        await Assertions.Expect(page.GetByTestId("pay-methods")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("pay-link-closed-desktop");
    }

    [Fact]
    public async Task PaymentLink_Mistyped_ClearPageAndNothingShown()
    {
        var page = await fx.NewPageAsync(375, 800);

        await page.GotoAsync("/pay/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        await Assertions.Expect(page.GetByTestId("pay-link-unknown")).ToContainTextAsync("This payment link is not valid");
        await Assertions.Expect(page.GetByTestId("pay-summary")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("pay-link-unknown-phone");
    }

    [Fact]
    public async Task GuestLookup_ProceedToPayment_PaysByCardWithoutAnAccount()
    {
        var number = await fx.ApprovedOrderAsync();
        var phone = await fx.NewPageAsync(375, 800);
        await phone.GotoAsync("/orders/lookup");
        await phone.ScreenshotAsync("order-lookup-phone");
        var page = await fx.NewPageAsync();
        await page.GotoAsync("/orders/lookup");
        await page.ScreenshotAsync("order-lookup-desktop");

        // A wrong postal code first: a clear answer, and what was typed stays.
        await page.Locator("#Input\\.OrderNumber").FillAsync(number);
        await page.Locator("#Input\\.PostalCode").FillAsync("75001");
        await page.GetByTestId("lookup-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("lookup-not-found")).ToContainTextAsync("We found no order with this number and postal code");
        await Assertions.Expect(page.Locator("#Input\\.OrderNumber")).ToHaveValueAsync(number);
        Assert.DoesNotContain(number, page.Url, StringComparison.OrdinalIgnoreCase);

        // Typed loosely: lower case and spaces.
        await page.Locator("#Input\\.OrderNumber").FillAsync(" " + number.ToLowerInvariant().Insert(2, " ") + " ");
        await page.Locator("#Input\\.PostalCode").FillAsync(" 120 45 ");
        await page.GetByTestId("lookup-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("lookup-number")).ToHaveTextAsync(number);
        await Assertions.Expect(page.GetByTestId("order-status")).ToHaveAttributeAsync("data-status", "Approved");
        Assert.EndsWith("/orders/lookup", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync("order-lookup-found-desktop");

        await page.GetByTestId("lookup-pay").ClickAsync();
        await page.WaitForURLAsync("**/pay/**");
        await page.GetByTestId("pay-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await Assertions.Expect(page.GetByTestId("pay-amount")).ToHaveTextAsync("€355.81");
        await PayByCardAsync(page, "4242 4242 4242 4242");

        await page.WaitForURLAsync("**/checkout/return/**");
        await Assertions.Expect(page.GetByTestId("payment-outcome")).ToHaveTextAsync("Payment received");
        Assert.Contains(fx.StatusOf(number), new[] { OrderStatus.Paid, OrderStatus.Completed });
    }

    [Fact]
    public async Task WireTransfer_InstructionsShown_AdminRecordsTheFunds_CustomerSeesPaid()
    {
        var number = await fx.ApprovedOrderAsync();
        var page = await OpenPayPageAsync(number);
        await page.GetByTestId("pay-WireTransfer").ClickAsync();
        await Assertions.Expect(page.GetByTestId("transfer-iban")).ToHaveTextAsync("FR76 3000 6000 0112 3456 7890 189");
        await Assertions.Expect(page.GetByTestId("transfer-amount")).ToHaveTextAsync("€355.81");
        await Assertions.Expect(page.GetByTestId("transfer-reference")).ToHaveTextAsync(number);
        Assert.Equal(OrderStatus.AwaitingTransfer, fx.StatusOf(number));

        var admin = await fx.NewPageAsync();
        await SignIn.AsDemoAdminAsync(admin, $"/admin/orders/{number}");
        await admin.GotoInteractiveAsync($"/admin/orders/{number}");
        var amount = admin.Locator("[data-testid=transfer-received-amount]").Locator("xpath=descendant-or-self::input").First;
        await amount.FillAsync("355.81");
        await amount.PressAsync("Tab");
        var reference = admin.Locator("[data-testid=transfer-bank-reference]").Locator("xpath=descendant-or-self::input").First;
        await reference.FillAsync("SEPA-" + number);
        await reference.PressAsync("Tab");
        await admin.GetByTestId("record-transfer").ClickAsync();

        await page.GotoInteractiveAsync($"/orders/{number}");
        await Assertions.Expect(page.GetByTestId("order-banner")).ToContainTextAsync("Payment received");
        Assert.Contains(fx.StatusOf(number), new[] { OrderStatus.Paid, OrderStatus.Completed });
        await fx.App.Smtp.WaitForAsync(OrdersDemoSeeder.CustomerEmail, $"Payment received for order {number}");
    }
}
