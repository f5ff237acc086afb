using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Tests.Features.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Security;

/// <summary>
/// Pages with hostile data in them show it as text, and every route that takes an order number answers another customer
/// exactly as it answers an order that does not exist: 404, with nothing of the order in the answer.
/// </summary>
[Collection(SecurityBrowserCollection.Name)]
public class HostilePagesBrowserTests(SecurityBrowserFixture fx)
{
    private const string Customer = "customer@demo.warrantyportal.test";

    private string UserId(string email)
    {
        using var db = fx.App.CreateDbContext();
        return db.Users.AsNoTracking().Single(u => u.Email == email).Id;
    }

    private string HostileOrder()
    {
        var now = DateTime.UtcNow;
        var number = OrderNumber.Format(DateOnly.FromDateTime(now), 9000 + Random.Shared.Next(999));
        var buyer = OrdersHarness.Buyer(HostileInputTests.Script) with
        {
            Email = Customer,
            PayerName = "Evil " + HostileInputTests.Img,
            InstallationAddress = new PostalAddress { Line1 = "1 rue " + HostileInputTests.Img, PostalCode = "69001", City = "Lyon", Country = "FR" },
        };
        var order = Order.CreateDraft(UserId(Customer), buyer, "EUR", false,
            [new OrderLine("702000100001", "DS3-H", "Micro inverter DS3-H", "MI-TO20", "Extension to 20 years", 120_00, 99_99, 2000)],
            HostileInputTests.Script, true, OrderActor.System, now);
        order.Submit(number, OrderActor.System, now);
        using var db = fx.App.CreateDbContext();
        db.Orders.Add(order);
        db.SaveChanges();
        return number;
    }

    [Fact]
    public async Task OrderPages_ScriptInBuyerAndRemark_ShownAsTextToCustomerAndAdmin()
    {
        var number = HostileOrder();
        var dialogs = new List<string>();

        foreach (var (signIn, url) in new (Func<IPage, Task>, string)[]
                 {
                     (p => SignIn.AsDemoCustomerAsync(p), $"/orders/{number}"),
                     (p => SignIn.AsDemoAdminAsync(p), $"/admin/orders/{number}"),
                 })
        {
            var page = await fx.NewPageAsync();
            page.Dialog += (_, d) => { lock (dialogs) dialogs.Add($"{url}: {d.Message}"); _ = d.DismissAsync(); };
            await signIn(page);
            await page.GotoInteractiveAsync(url);

            await Assertions.Expect(page.GetByText(HostileInputTests.Script).First).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("img[src=x]").CountAsync());
            var html = await (await page.APIRequest.GetAsync(url)).TextAsync();
            Assert.Contains("&lt;script&gt;alert(", html);
            Assert.DoesNotContain("<script>alert(", html);
            Assert.DoesNotContain("<img src=x", html);
        }

        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task OrderRoutes_AnotherCustomersOrder_NotFoundLikeAnUnknownOneAndNothingLeaks()
    {
        string number, serial, certificate, buyerName;
        using (var db = fx.App.CreateDbContext())
        {
            var ownerId = UserId(Customer);
            var completed = db.Orders.AsNoTracking().Include(o => o.Lines)
                .Where(o => o.CustomerUserId == ownerId && o.Status == OrderStatus.Completed).AsEnumerable().First();
            number = completed.Number!;
            serial = completed.Lines[0].SerialNumber;
            buyerName = completed.Buyer.FullName;
            certificate = db.Certificates.AsNoTracking().Where(c => c.OrderNumber == number).Select(c => c.Number).FirstOrDefault() ?? "WC-2026-000001";
        }
        string[] routes(string n) =>
        [
            $"/orders/{n}", $"/orders/{n}/pay", $"/orders/{n}/submitted",
            $"/orders/{n}/invoice.pdf", $"/orders/{n}/proforma.pdf", $"/orders/{n}/credit-note.pdf",
            $"/orders/{n}/certificates.zip", $"/orders/{n}/certificates/{certificate}.pdf",
        ];
        var owner = await fx.NewPageAsync();
        await SignIn.AsDemoCustomerAsync(owner);
        Assert.Equal(200, (await owner.APIRequest.GetAsync($"/orders/{number}")).Status);

        var other = await fx.NewPageAsync();
        await SignIn.AsDemoResellerAsync(other);
        var problems = new List<string>();
        foreach (var url in routes(number).Concat(routes("WE209901010001")))
        {
            var response = await other.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
            var body = await response.TextAsync();
            if (response.Status != 404) problems.Add($"{url} answered {response.Status}");
            foreach (var secret in new[] { serial, buyerName, Customer })
            {
                if (body.Contains(secret, StringComparison.OrdinalIgnoreCase)) problems.Add($"{url} shows «{secret}»");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task PublicRoutes_ScriptControlCharactersAndOverlongInput_AnsweredAsTextNeverAnError()
    {
        var page = await fx.NewPageAsync();
        var script = Uri.EscapeDataString(HostileInputTests.Script);
        string[] urls =
        [
            $"/api/warranty-check?sn={script}&sn=%00%1b%5B31m7020",
            $"/api/warranty-check?sn={new string('7', 10_000)}",
            $"/check?sn={script}",
            $"/verify/{script}",
            $"/orders/{script}",
        ];
        var problems = new List<string>();
        foreach (var url in urls)
        {
            var response = await page.APIRequest.GetAsync(url, new() { MaxRedirects = 0 });
            var body = await response.TextAsync();
            if (response.Status >= 500) problems.Add($"{url} answered {response.Status}");
            if (body.Contains("<script>alert(", StringComparison.Ordinal)) problems.Add($"{url} echoes the script as markup");
        }

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/\t/evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task CultureSwitch_ReturnUrlToAnotherSite_StaysOnThePortal(string returnUrl)
    {
        var page = await fx.NewPageAsync();

        var response = await page.APIRequest.GetAsync($"/culture/set?culture=fr&returnUrl={Uri.EscapeDataString(returnUrl)}", new() { MaxRedirects = 0 });

        Assert.Equal(302, response.Status);
        Assert.Equal("/", response.Headers["location"]);
    }

    [Fact]
    public async Task SignIn_ReturnUrlWithATabBeforeASecondSlash_StaysOnThePortal()
    {
        var page = await fx.NewPageAsync();

        await SignIn.WithPasswordAsync(page, Customer, "demo-customer-2026", "/\t/evil.example/");

        Assert.StartsWith(fx.App.BaseUrl, page.Url, StringComparison.Ordinal);
    }
}
