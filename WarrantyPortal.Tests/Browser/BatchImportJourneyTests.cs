using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

[Collection(BrowserCollection.Name)]
public class BatchImportJourneyTests(BrowserFixture fx)
{
    private const string AlreadyExtended = "702000096622";

    [Fact]
    public async Task BatchImport_FileWithRefusedAndDuplicateRows_RefillCorrectedThenContinuesToTheOrder()
    {
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoResellerAsync(page, "/batch");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid=batch-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        if (await page.Locator("[data-testid=start-again]").IsVisibleAsync()) await page.Locator("[data-testid=start-again]").ClickAsync();

        // The template, filled in as a reseller would: good rows, one already extended, one duplicate.
        var template = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=template-xlsx]").ClickAsync());
        var file = Path.Combine(fx.App.DataFolder, "my-devices.xlsx");
        Assert.Equal("batch-import-template.xlsx", template.SuggestedFilename);
        using (var workbook = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await template.PathAsync()))))
        {
            var sheet = workbook.Worksheet(1);
            Assert.Equal("SN", sheet.Cell(1, 1).GetString());
            string[] serials = ["702000100001", "7020 0010 0002", AlreadyExtended, "702000100001", "806000100003"];
            for (var i = 0; i < serials.Length; i++) sheet.Cell(i + 2, 1).SetValue(serials[i]);
            workbook.SaveAs(file);
        }
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(file);

        await Assertions.Expect(page.Locator("[data-testid=count-ok]")).ToHaveTextAsync("3 OK");
        await Assertions.Expect(page.Locator("[data-testid=count-refused]")).ToHaveTextAsync("1 refused");
        await Assertions.Expect(page.Locator("[data-testid=count-duplicates]")).ToHaveTextAsync("1 duplicates");
        await Assertions.Expect(page.Locator("[data-testid=batch-grid]")).ToContainTextAsync("The micro inverter already has extended warranty");
        await Assertions.Expect(page.Locator("[data-testid=batch-grid]")).ToContainTextAsync("is already on line 2");
        await Assertions.Expect(page.Locator("[data-testid=batch-continue]")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=continue-blocked]")).ToContainTextAsync("Rows that cannot be ordered: 2");
        await page.ScreenshotAsync("batch-preview-desktop");

        // The refill: the two refused rows with their reasons; the reseller corrects one and deletes the duplicate.
        var refill = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=download-refused]").ClickAsync());
        var corrected = Path.Combine(fx.App.DataFolder, "corrected.xlsx");
        Assert.Equal("refused-rows.xlsx", refill.SuggestedFilename);
        using (var workbook = new XLWorkbook(new MemoryStream(await File.ReadAllBytesAsync(await refill.PathAsync()))))
        {
            var sheet = workbook.Worksheet(1);
            Assert.Equal((AlreadyExtended, "702000100001"), (sheet.Cell(3, 1).GetString(), sheet.Cell(4, 1).GetString()));
            Assert.Contains("already has extended warranty", sheet.Cell(3, 4).GetString());
            sheet.Cell(3, 1).SetValue("SI1ES120N00001");
            sheet.Row(4).Delete();
            workbook.SaveAs(corrected);
        }
        await Assertions.Expect(page.Locator("[data-testid=batch-notice]")).ToContainTextAsync("in place of the refused ones");
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(corrected);

        await Assertions.Expect(page.Locator("[data-testid=count-ok]")).ToHaveTextAsync("4 OK");
        await Assertions.Expect(page.Locator("[data-testid=count-refused]")).ToHaveTextAsync("0 refused");
        await Assertions.Expect(page.Locator("[data-testid=batch-grid]")).ToContainTextAsync("SI1ES120N00001");

        // A reload keeps the batch.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=count-ok]")).ToHaveTextAsync("4 OK");
        await Assertions.Expect(page.Locator("[data-testid=batch-notice]")).ToContainTextAsync("restored");

        await page.Locator("[data-testid=batch-continue]").ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/buy", StringComparison.Ordinal));
        using var scope = fx.App.Services.CreateScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        var userId = await db.Users.Where(u => u.Email == "reseller@demo.warrantyportal.test").Select(u => u.Id).SingleAsync();
        var draft = await scope.ServiceProvider.GetRequiredService<PurchaseDraftService>().LoadAsync(DraftOwner.User(userId));
        Assert.Equal(["702000100001", "702000100002", "806000100003", "SI1ES120N00001"], draft!.Lines.Select(l => l.SerialNumber));
        Assert.Equal(("FR", "EUR"), (draft.Country, draft.Currency));

        // The purchase form takes over: the installation address is all it still needs, then review and submit.
        var buy = new BuyFormPage(page);
        await page.WaitForInteractiveAsync();
        await buy.WaitForFormAsync();
        await Assertions.Expect(buy.Cards).ToHaveCountAsync(4);
        await buy.FillAddressAsync("12 rue des Tilleuls", "69003", "Lyon");
        if (await page.Locator("[data-testid=consent]").CountAsync() > 0) await buy.TickConsentAsync();
        await buy.ConfirmAsync();
        await Assertions.Expect(page.Locator("[data-testid=review-lines]")).ToContainTextAsync("SI1ES120N00001");
        await page.Locator("[data-testid=submit-order]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=order-submitted]")).ToBeVisibleAsync();
        var number = await page.Locator("[data-testid=submitted-number]").InnerTextAsync();
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Number == number);
        Assert.Equal(OrderStatus.Submitted, order.Status);
        Assert.Equal(4, order.Lines.Count);

        // Other journeys use the same demo devices: leave the shared demo data as it was.
        await db.Orders.Where(o => o.Number == number).ExecuteDeleteAsync();
    }

    [Fact]
    public async Task BatchImport_PhoneWidth_PreviewFitsAndAnUnreadableFileKeepsIt()
    {
        var page = await fx.NewPageAsync(375, 800);
        await SignIn.WithPasswordAsync(page, "customer@demo.warrantyportal.test", "demo-customer-2026", "/batch");
        await page.WaitForInteractiveAsync();
        await page.Locator("[data-testid=batch-ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var csv = Path.Combine(fx.App.DataFolder, "phone.csv");
        await File.WriteAllTextAsync(csv, "SN;Plan\n702000100002;\n702099999999;\n");

        await page.Locator("input[type=file]").Last.SetInputFilesAsync(csv);

        await Assertions.Expect(page.Locator("[data-testid=count-ok]")).ToHaveTextAsync("1 OK");
        await Assertions.Expect(page.Locator("[data-testid=count-refused]")).ToHaveTextAsync("1 refused");
        var empty = Path.Combine(fx.App.DataFolder, "empty.csv");
        await File.WriteAllBytesAsync(empty, []);
        await page.Locator("input[type=file]").Last.SetInputFilesAsync(empty);
        await Assertions.Expect(page.Locator("[data-testid=batch-error]")).ToContainTextAsync("The file is empty");
        await Assertions.Expect(page.Locator("[data-testid=batch-error]")).ToContainTextAsync("previous preview is unchanged");
        await Assertions.Expect(page.Locator("[data-testid=count-ok]")).ToHaveTextAsync("1 OK");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"The page is {width}px wide on a 375px phone.");
        await page.ScreenshotAsync("batch-preview-phone");
    }
}
