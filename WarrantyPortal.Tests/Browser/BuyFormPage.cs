using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Browser;

/// <summary>The quick-purchase form at /buy as a customer uses it (page object).</summary>
public sealed class BuyFormPage(IPage page)
{
    static BuyFormPage()
    {
        // Lookups and submits run on the server; on a busy two-core machine they can take longer than the default 5 s.
        Assertions.SetDefaultExpectTimeout(60_000);
    }

    public IPage Page => page;

    public ILocator Cards => page.Locator("[data-testid=product-card]");

    public ILocator Card(int index) => Cards.Nth(index);

    /// <summary>Starts from an empty form: removes the draft a previous visit left for this account.</summary>
    public static async Task ClearDraftAsync(PortalApp app, string email)
    {
        await using var db = app.CreateDbContext();
        var userId = db.Users.Where(u => u.Email == email).Select(u => u.Id).Single();
        await db.PurchaseDrafts.Where(d => d.OwnerUserId == userId).ExecuteDeleteAsync();
    }

    public async Task OpenAsync()
    {
        await page.GotoInteractiveAsync("/buy");
        await WaitForFormAsync();
    }

    public Task WaitForFormAsync() => page.Locator("[data-testid=buy-form]").WaitForAsync();

    public async Task FillAddressAsync(string line1, string postalCode, string city)
    {
        await Field("line1").FillAsync(line1);
        await Field("postal-code").FillAsync(postalCode);
        await Field("city").FillAsync(city);
        await Field("city").BlurAsync();
    }

    public ILocator Field(string testId) => page.Locator($"input[data-testid={testId}], textarea[data-testid={testId}]").First;

    /// <summary>Types a serial number key by key, as a customer does, and waits until the card has answered.</summary>
    public async Task TypeSerialAsync(int card, string serial)
    {
        var input = Card(card).Locator("input[data-testid=product-sn]");
        await input.ClickAsync();
        await input.PressSequentiallyAsync(serial);
        await Assertions.Expect(Card(card)).ToHaveAttributeAsync("data-quoted", serial);
    }

    public async Task ChoosePlanAsync(int card, string planName)
    {
        var plans = Card(card).Locator("select[data-testid=product-plan]");
        await Assertions.Expect(plans).ToBeEnabledAsync();
        var option = plans.Locator("option", new() { HasText = planName }).First;
        await plans.SelectOptionAsync(new SelectOptionValue { Value = await option.GetAttributeAsync("value") });
        await Assertions.Expect(Card(card).Locator("[data-testid=product-total-years]")).ToBeVisibleAsync();
    }

    public async Task AddProductAsync()
    {
        var count = await Cards.CountAsync();
        await page.Locator("[data-testid=add-product]").ClickAsync();
        await Assertions.Expect(Cards).ToHaveCountAsync(count + 1);
    }

    public Task TickConsentAsync() => page.Locator("[data-testid=consent-box]").CheckAsync();

    public Task ConfirmAsync() => page.Locator("[data-testid=confirm-order]").ClickAsync();
}
