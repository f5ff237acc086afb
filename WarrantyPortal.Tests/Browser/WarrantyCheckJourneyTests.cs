using ClosedXML.Excel;
using Microsoft.Playwright;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

/// <summary>Anyone checks a device's warranty by serial number at /check: typed, several at once, or from a spreadsheet.</summary>
[Collection(BrowserCollection.Name)]
public class WarrantyCheckJourneyTests(BrowserFixture fx)
{
    private static ILocator Card(IPage page, string serial) => page.Locator($"[data-testid=result-card][data-sn='{serial}']");

    [Fact]
    public async Task Visitor_TypesTwoSerials_SeesEachDevicesWarrantyOrWhyNot()
    {
        var page = await fx.NewPageAsync();
        await page.GotoInteractiveAsync("/check");

        // As printed on the label, with spaces: the portal's one normalisation rule finds the device.
        await page.Locator("input[data-testid=sn-input]").FillAsync("7020 0009 6622");
        await page.GetByTestId("add-sn").ClickAsync();
        await page.Locator("input[data-testid=sn-input]").Nth(1).FillAsync("702099999999");
        await page.GetByTestId("query-now").ClickAsync();

        await Assertions.Expect(page.GetByTestId("result-card")).ToHaveCountAsync(2);
        var known = Card(page, "702000096622");
        await Assertions.Expect(known).ToContainTextAsync("DS3-H");
        await Assertions.Expect(known.GetByTestId("state")).ToHaveTextAsync("Valid");
        await Assertions.Expect(known.GetByTestId("extension")).Not.ToBeEmptyAsync();
        var unknown = Card(page, "702099999999");
        await Assertions.Expect(unknown).ToContainTextAsync("No device with this serial number is registered. Check the number on the device label.");
        // What was typed stays in the fields, to correct and ask again.
        await Assertions.Expect(page.Locator("input[data-testid=sn-input]").Nth(1)).ToHaveValueAsync("702099999999");
        await page.ScreenshotAsync("check-two-serials-desktop");

        // The extension was sold before the portal: its certificate is known from the registry, and verifies as genuine.
        await known.GetByTestId("certificate-verify").ClickAsync();
        await page.WaitForURLAsync("**/verify/WPC-DEMO-000101");
        await Assertions.Expect(page.GetByTestId("verify-state")).ToHaveAttributeAsync("data-state", "Valid");
        await Assertions.Expect(page.GetByTestId("verify-serial")).ToHaveTextAsync("702000096622");
        await Assertions.Expect(page.GetByTestId("verify-registry")).ToContainTextAsync("Recorded in the manufacturer's registry");
        await page.ScreenshotAsync("verify-registry-certificate-desktop");
    }

    [Fact]
    public async Task Visitor_QueriesNothing_IsToldToEnterASerial()
    {
        var page = await fx.NewPageAsync(375, 812);
        await page.GotoInteractiveAsync("/check");

        await page.GetByTestId("query-now").ClickAsync();

        await Assertions.Expect(page.GetByTestId("check-error")).ToHaveTextAsync("Enter at least one serial number.");
        await Assertions.Expect(page.GetByTestId("result-card")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Visitor_ImportsASpreadsheet_SeesEveryDevice()
    {
        var page = await fx.NewPageAsync(375, 812);
        await page.GotoInteractiveAsync("/check");
        byte[] xlsx;
        using (var workbook = new XLWorkbook())
        {
            var sheet = workbook.AddWorksheet("Devices");
            sheet.Cell(1, 1).Value = "SN";
            sheet.Cell(2, 1).Value = "702000100001";
            sheet.Cell(3, 1).Value = "702000050001";
            sheet.Cell(4, 1).Value = "216000123456";
            using var buffer = new MemoryStream();
            workbook.SaveAs(buffer);
            xlsx = buffer.ToArray();
        }

        await page.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "site-devices.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = xlsx,
        });

        await Assertions.Expect(page.GetByText("3 serial numbers imported from site-devices.xlsx.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("result-card")).ToHaveCountAsync(3);
        await Assertions.Expect(Card(page, "702000100001").GetByTestId("state")).ToHaveTextAsync("Valid");
        await Assertions.Expect(Card(page, "702000050001").GetByTestId("state")).ToHaveTextAsync("Expired");
        await Assertions.Expect(Card(page, "216000123456")).ToContainTextAsync("ECU-C");
        await page.ScreenshotAsync("check-imported-phone");
    }
}
