using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Catalog;

public class PlanAdminServiceTests(RegistryFixture fx) : IClassFixture<RegistryFixture>
{
    private PlanAdminService Service => new(fx.Database, fx.Clock);

    private static PlanForm Form(string code) => new()
    {
        Code = code,
        NameEn = "Gateway: add 5 years",
        NameFr = "Passerelle : 5 ans de plus",
        Family = ProductFamily.MonitoringGateway,
        TermKind = TermKind.AddYears,
        TermYears = 5,
        Countries = "fr, de",
        Prices = new() { ["EUR"] = 19.90m, ["USD"] = null, ["GBP"] = 17.5m, ["CNY"] = null, ["AUD"] = null },
    };

    [Fact]
    public async Task SaveAsync_NewValidPlan_IsOfferedWithItsPricesInMinorUnits()
    {
        var (id, problems) = await Service.SaveAsync(Form("gw-add5"));

        Assert.Empty(problems);
        var plan = (await fx.Catalog.PlansAsync()).Single(p => p.Id == id);
        Assert.Equal("GW-ADD5", plan.Code);
        Assert.Equal(["FR", "DE"], plan.Countries);
        Assert.Equal(new Money(1_990, "EUR"), plan.ListNet("EUR"));
        Assert.Null(plan.ListNet("USD"));
        var quote = await fx.Eligibility().QuoteAsync(DemoFleetGateway, new QuoteRequest("FR", "EUR"));
        Assert.Contains(quote.Offers, o => o.PlanCode == "GW-ADD5");
    }

    private const string DemoFleetGateway = "216000123456";

    [Fact]
    public async Task SaveAsync_InvalidForm_ReportsEachFieldAndSavesNothing()
    {
        var before = (await fx.Catalog.PlansAsync(includeRetired: true)).Count;
        var form = Form("MI-TO20"); // taken by the demo catalogue
        form.NameFr = " ";
        form.TermYears = 0;
        form.Countries = "FR, XX";
        form.Prices = PlanForm.PriceCurrencies.ToDictionary(c => c, _ => (decimal?)null);

        var (id, problems) = await Service.SaveAsync(form);

        Assert.Null(id);
        Assert.Equal(["NameFr", "TermYears", "Countries", "Price_EUR", "Code"], problems.Select(p => p.Field));
        Assert.Equal(["XX"], problems.Single(p => p.Field == "Countries").Args);
        Assert.Equal(before, (await fx.Catalog.PlansAsync(includeRetired: true)).Count);
    }

    [Fact]
    public async Task SaveAsync_EditPrices_ChangesAndRemovesCurrencies()
    {
        var (id, _) = await Service.SaveAsync(Form("GW-EDIT"));
        var form = (await Service.GetAsync(id!.Value))!;
        Assert.Equal(19.90m, form.Prices["EUR"]);
        form.Prices["EUR"] = 21m;
        form.Prices["GBP"] = null;

        await Service.SaveAsync(form);

        var plan = (await fx.Catalog.PlanAsync(id.Value))!;
        Assert.Equal(new Money(2_100, "EUR"), plan.ListNet("EUR"));
        Assert.Null(plan.ListNet("GBP"));
    }

    [Fact]
    public async Task SetRetiredAsync_Plan_NoLongerOfferedButStillReadableForOldOrders()
    {
        var (id, _) = await Service.SaveAsync(Form("GW-OLD"));

        Assert.True(await Service.SetRetiredAsync(id!.Value, retired: true));

        Assert.DoesNotContain(await fx.Catalog.PlansAsync(), p => p.Id == id);
        var kept = await fx.Catalog.PlanAsync(id.Value);
        Assert.True(kept!.Retired);
        Assert.Equal("Gateway: add 5 years", kept.NameEn);
        Assert.NotNull((await Service.ListAsync()).Single(p => p.Id == id).RetiredAtUtc);
    }
}
