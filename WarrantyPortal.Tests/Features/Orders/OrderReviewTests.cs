using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Tests.Features.Orders;

public class OrderReviewTests : BunitContext, IAsyncLifetime
{
    private static readonly DateTime At = new(2026, 6, 21, 9, 50, 27, DateTimeKind.Utc);

    public OrderReviewTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
        Services.AddMudServices();
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private IRenderedComponent<OrderReview> RenderReview(BuyerSnapshot buyer, bool consent, Action? onSubmit = null, Action? onReorder = null)
    {
        var draft = new OrderDraft(buyer, "EUR",
            [new PricedLine("SN-1", "HYD 5KTL", "5 kW inverter", "EXT5", "+5 years", 120_00, 100_00, 2000)], false, null, consent);
        var preview = draft.ToPreview("user-1", At);
        return Render<OrderReview>(p => p
            .Add(c => c.Buyer, buyer)
            .Add(c => c.Currency, "EUR")
            .Add(c => c.Lines, preview.Lines.Select(l => OrderLineView.From(l, "EUR")).ToList())
            .Add(c => c.Totals, preview.Totals)
            .Add(c => c.OrderDateUtc, At)
            .Add(c => c.Consent, consent)
            .Add(c => c.OnSubmit, () => onSubmit?.Invoke())
            .Add(c => c.OnReorder, () => onReorder?.Invoke()));
    }

    [Fact]
    public void Review_ConsumerWithoutConsent_SubmitDisabledUntilTicked()
    {
        var cut = RenderReview(OrdersHarness.Buyer(), consent: false);

        Assert.True(cut.Find("[data-testid=review-submit]").HasAttribute("disabled"));
        Assert.Contains("start immediately", cut.Find("[data-testid=order-review]").TextContent);
    }

    [Fact]
    public void Review_ConsumerWithConsent_SubmitCallsBack()
    {
        var submitted = false;
        var cut = RenderReview(OrdersHarness.Buyer(), consent: true, onSubmit: () => submitted = true);

        cut.Find("[data-testid=review-submit]").Click();

        Assert.True(submitted);
    }

    [Fact]
    public void Review_BusinessBuyer_NoConsentAskedAndSubmitEnabled()
    {
        var cut = RenderReview(OrdersHarness.Buyer(taxId: "DE811907980"), consent: false);

        Assert.Empty(cut.FindAll("[data-testid=review-consent]"));
        Assert.Contains("no right of withdrawal", cut.Markup);
        Assert.False(cut.Find("[data-testid=review-submit]").HasAttribute("disabled"));
    }

    [Fact]
    public void Review_Lines_ShowsSerialPricesAndTransactionAmount()
    {
        var cut = RenderReview(OrdersHarness.Buyer(), consent: true);

        Assert.Contains("SN-1", cut.Find("[data-testid=order-lines]").TextContent);
        Assert.Equal("€120.00", cut.Find("[data-testid=order-total]").TextContent); // 100.00 € + 20 % VAT
        Assert.Contains("Assigned when you submit", cut.Markup);
    }

    [Fact]
    public void Review_Reorder_CallsBackSoTheFormReopens()
    {
        var back = false;
        var cut = RenderReview(OrdersHarness.Buyer(), consent: true, onReorder: () => back = true);
        cut.Find("[data-testid=review-reorder]").Click();
        Assert.True(back);
    }
}
