using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using WarrantyPortal.Features.Purchase;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Purchase;

public class ProductCardTests : BunitContext, IClassFixture<RegistryFixture>, IAsyncLifetime
{
    private readonly RegistryFixture _fx;

    public ProductCardTests(RegistryFixture fx)
    {
        _fx = fx;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(new PurchaseQuoter(fx.Eligibility(), new WarrantyPortal.Features.Vies.FormatOnlyVatNumberChecker()));
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<IComponent> RenderCard(PurchaseForm form) => Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<ProductCard>(1);
        b.AddAttribute(2, nameof(ProductCard.Form), form);
        b.AddAttribute(3, nameof(ProductCard.Line), form.Lines[0]);
        b.CloseComponent();
    });

    private static PurchaseForm France()
    {
        var form = new PurchaseForm();
        form.ChangeCountry("FR");
        return form;
    }

    [Fact]
    public void SerialNumber_TypedEligibleDevice_FillsModelAndWarrantyDates()
    {
        var form = France();
        var cut = RenderCard(form);

        cut.Find("input[data-testid=product-sn]").Input("702000100001");

        cut.WaitForAssertion(() => Assert.Contains("DS3-H", cut.Find("[data-testid=product-model]").TextContent), TimeSpan.FromSeconds(30));
        var device = form.Lines[0].Device!;
        Assert.Contains(device.BaseWarrantyStart.ToString("d"), cut.Find("[data-testid=product-start]").TextContent);
        Assert.Contains(device.CoverageEnd.ToString("d"), cut.Find("[data-testid=product-expiry]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=sn-message]"));
    }

    [Fact]
    public void SerialNumber_AlreadyExtendedDevice_ShowsTheRefusalUnderTheField()
    {
        var form = France();
        var cut = RenderCard(form);

        cut.Find("input[data-testid=product-sn]").Input(DemoFleet.AlreadyExtended[0]);

        cut.WaitForAssertion(() => Assert.Contains("already has extended warranty", cut.Find("[data-testid=sn-message]").TextContent), TimeSpan.FromSeconds(30));
        Assert.Null(form.Lines[0].PlanCode);
        Assert.Contains("—", cut.Find("[data-testid=product-price]").TextContent);
    }

    [Fact]
    public void SerialNumber_SameDeviceOnAnEarlierCard_RefusedAsDuplicate()
    {
        var form = France();
        form.Lines[0].SerialNumber = "702000100001";
        var second = form.AddLine();
        var cut = Render(b =>
        {
            b.OpenComponent<ProductCard>(0);
            b.AddAttribute(1, nameof(ProductCard.Form), form);
            b.AddAttribute(2, nameof(ProductCard.Line), second);
            b.AddAttribute(3, nameof(ProductCard.Index), 1);
            b.CloseComponent();
        });

        cut.Find("input[data-testid=product-sn]").Input("7020 0010 0001");

        cut.WaitForAssertion(() => Assert.Contains("already in this order", cut.Find("[data-testid=sn-message]").TextContent), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void PlanList_MicroInverter_OffersOnlyItsEligiblePlansWithEndDates()
    {
        var form = France();
        var cut = RenderCard(form);
        cut.Find("input[data-testid=product-sn]").Input("702000100001");
        cut.WaitForAssertion(() => Assert.NotNull(form.Lines[0].Quote), TimeSpan.FromSeconds(30));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("select[data-testid=product-plan] option:not([hidden])").Count), TimeSpan.FromSeconds(30));
        var options = cut.FindAll("select[data-testid=product-plan] option:not([hidden])").Select(o => o.TextContent).ToList();
        Assert.Contains(options, o => o.Contains("extend to 20 years"));
        Assert.Contains(options, o => o.Contains("extend to 25 years"));
        Assert.DoesNotContain(options, o => o.Contains("15 years") || o.Contains("String inverter") || o.Contains("QT2D"));
        var end20 = form.Lines[0].Quote!.Offers.Single(o => o.PlanCode == "MI-TO20").NewEnd.ToString("d");
        Assert.Contains(options, o => o.Contains(end20));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
