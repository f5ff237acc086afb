using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Fulfilment;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

[Collection(FulfilmentBrowserCollection.Name)]
public class FulfilmentJourneyTests(FulfilmentBrowserFixture fx)
{
    private const string CustomerEmail = "customer@demo.warrantyportal.test";

    [Fact]
    public async Task PaidOrder_MarkedPaid_CompletesAndCertificateDownloadsFromWarrantyCheck()
    {
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoCustomerAsync(page);
        const string serial = "702000100001";

        var (number, certificate) = await PayAndWaitForCompletionAsync(serial);

        await page.GotoInteractiveAsync($"/check?sn={serial}");
        var card = page.Locator($"[data-testid=result-card][data-sn='{serial}']");
        await Assertions.Expect(card.Locator("[data-testid=extension]")).ToContainTextAsync(certificate.Number);
        await Assertions.Expect(card.Locator("[data-testid=expiry]"))
            .ToHaveTextAsync(certificate.NewWarrantyEnd.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)); // English dates the European way
        var download = await page.RunAndWaitForDownloadAsync(() => card.Locator("[data-testid=certificate-pdf]").ClickAsync());
        var path = await download.PathAsync();
        using (var pdf = PdfDocument.Open(path))
        {
            Assert.Contains(certificate.Number, pdf.GetPage(1).Text);
            Assert.Contains(serial, pdf.GetPage(1).Text);
        }

        await card.Locator("[data-testid=certificate-verify]").ClickAsync();
        await page.WaitForURLAsync($"**/verify/{certificate.Number}");
        await Assertions.Expect(page.Locator("[data-testid=verify-state]")).ToHaveAttributeAsync("data-state", "Valid");
        await Assertions.Expect(page.Locator("[data-testid=verify-serial]")).ToHaveTextAsync(serial);
        Assert.DoesNotContain("Demo Customer", await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await page.ScreenshotAsync("verify-desktop");
        var phone = await fx.NewPageAsync(375, 800);
        await SignIn.AsDemoCustomerAsync(phone);
        await phone.GotoInteractiveAsync($"/verify/{certificate.Number}");
        await phone.ScreenshotAsync("verify-phone");

        await page.GotoInteractiveAsync("/devices");
        var device = page.Locator($"[data-testid=device-group][data-group=Covered] [data-testid=device][data-sn='{serial}']");
        await Assertions.Expect(device).ToContainTextAsync(certificate.Number);
        await page.ScreenshotAsync("devices-desktop");
        await phone.GotoInteractiveAsync("/devices");
        await phone.ScreenshotAsync("devices-phone");

        var invoice = await page.APIRequest.GetAsync($"/orders/{number}/invoice.pdf");
        Assert.Equal(200, invoice.Status);
        Assert.Equal("application/pdf", invoice.Headers["content-type"]);
        var zip = await page.APIRequest.GetAsync($"/orders/{number}/certificates.zip");
        Assert.Equal(200, zip.Status);
        Assert.Equal("application/zip", zip.Headers["content-type"]);
    }

    [Fact]
    public async Task Downloads_AnotherAccountOrSignedOut_NotFoundOrSignIn()
    {
        var (number, certificate) = await PayAndWaitForCompletionAsync("702000100002");
        string[] urls =
        [
            $"/orders/{number}/certificates/{certificate.Number}.pdf", $"/orders/{number}/certificates.zip", $"/orders/{number}/invoice.pdf",
            $"/orders/{number}/proforma.pdf", $"/orders/{number}/credit-note.pdf",
        ];
        var reseller = await fx.NewPageAsync();
        await SignIn.WithPasswordAsync(reseller, "reseller@demo.warrantyportal.test", "demo-reseller-2026");
        var anonymous = await fx.NewPageAsync();

        foreach (var url in urls)
        {
            Assert.Equal(404, (await reseller.APIRequest.GetAsync(url)).Status);
            var signedOut = await anonymous.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
            Assert.Equal(302, signedOut.Status);
            Assert.Contains("/Account/Login", signedOut.Headers["location"]);
        }
        var admin = await fx.NewPageAsync();
        await SignIn.AsDemoAdminAsync(admin);
        foreach (var url in urls.Take(4))
        {
            Assert.Equal(200, (await admin.APIRequest.GetAsync(url)).Status);
        }
    }

    /// <summary>Places an order for the demo customer and marks it paid in the database, as the payment side would; waits for the worker.</summary>
    private async Task<(string Number, Certificate Certificate)> PayAndWaitForCompletionAsync(string serial)
    {
        var app = fx.App;
        var now = DateTime.UtcNow;
        await using (var db = app.CreateDbContext())
        {
            var customer = await db.Users.AsNoTracking().SingleAsync(u => u.Email == CustomerEmail);
            var buyer = new BuyerSnapshot
            {
                FullName = customer.FullName, Country = "FR", Email = CustomerEmail, PayerName = customer.FullName,
                InstallationAddress = new PostalAddress { Line1 = "3 rue du Soleil", PostalCode = "69001", City = "Lyon", Country = "FR" },
            };
            var order = Order.CreateDraft(customer.Id, buyer, "EUR", false,
                [new OrderLine(serial, "DS3-H", "DS3-H micro inverter", "MI-TO20", "DS3 micro inverter: extend to 20 years", 100_00, 100_00, 2000)],
                null, true, OrderActor.System, now);
            await app.Get<OrderNumberAllocator>().EnsureDayAsync(now, default);
            await using var tx = await db.Database.BeginTransactionAsync();
            order.Submit(await OrderNumberAllocator.NextAsync(db, now, default), OrderActor.System, now);
            order.Approve(OrderActor.System, now);
            order.MarkPaid(OrderActor.System, now, "Card payment");
            db.Orders.Add(order);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            app.Get<FulfilmentSignal>().Notify();
            var number = order.Number!;
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (true)
            {
                await using var check = app.CreateDbContext();
                if (await check.Orders.AsNoTracking().AnyAsync(o => o.Number == number && o.Status == OrderStatus.Completed))
                {
                    return (number, await check.Certificates.AsNoTracking().SingleAsync(c => c.OrderNumber == number));
                }
                Assert.True(DateTime.UtcNow < deadline, $"Order {number} was not completed within 120 s.");
                await Task.Delay(200);
            }
        }
    }
}
