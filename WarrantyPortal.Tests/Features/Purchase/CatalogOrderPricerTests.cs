using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Purchase;

public class CatalogOrderPricerTests(RegistryFixture fx) : IClassFixture<RegistryFixture>
{
    private static OrderPricingRequest Request(string country, string currency, string? taxId, string? userId, params (string Sn, string Plan)[] items) =>
        new(country, currency, taxId, items.Select(i => new OrderPricingItem(i.Sn, i.Plan)).ToList(), userId);

    [Fact]
    public async Task PriceAsync_TwoEligibleDevices_PricesEachFromTheCatalogueWithCountryVat()
    {
        var pricing = await PurchaseTestData.Pricer(fx).PriceAsync(
            Request("FR", "EUR", null, null, ("702000100001", "MI-TO20"), ("SI1ES120N00001", "SI-TO15")), default);

        Assert.Empty(pricing.Refused);
        Assert.False(pricing.ReverseCharge);
        var micro = Assert.Single(pricing.Lines, l => l.SerialNumber == "702000100001");
        Assert.Equal(("DS3-H", "MI-TO20", 2_400L, 2_400L, 2000), (micro.ProductModel, micro.PlanCode, micro.StandardUnitPriceMinor, micro.UnitPriceMinor, micro.VatRateBasisPoints));
        Assert.Contains("DS3-H", micro.ProductName);
        var stringInverter = Assert.Single(pricing.Lines, l => l.SerialNumber == "SI1ES120N00001");
        Assert.Equal(29_900L, stringInverter.UnitPriceMinor);
    }

    [Fact]
    public async Task PriceAsync_AlreadyExtendedDevice_RefusedWithItsMessageOthersStillPriced()
    {
        var extended = DemoFleet.AlreadyExtended[0];
        var pricing = await PurchaseTestData.Pricer(fx).PriceAsync(
            Request("FR", "EUR", null, null, ("702000100001", "MI-TO20"), (extended, "MI-TO25")), default);

        var refused = Assert.Single(pricing.Refused);
        Assert.Equal(extended, refused.SerialNumber);
        Assert.Contains(extended, refused.Reason);
        Assert.Equal("702000100001", Assert.Single(pricing.Lines).SerialNumber);
    }

    [Fact]
    public async Task PriceAsync_PlanOfAnotherFamily_RefusedNotPriced()
    {
        var pricing = await PurchaseTestData.Pricer(fx).PriceAsync(Request("FR", "EUR", null, null, ("702000100001", "SI-TO15")), default);

        Assert.Empty(pricing.Lines);
        Assert.False(string.IsNullOrWhiteSpace(Assert.Single(pricing.Refused).Reason));
    }

    [Fact]
    public async Task PriceAsync_UnknownPlanCode_RefusedWithPlanUnavailable()
    {
        var pricing = await PurchaseTestData.Pricer(fx).PriceAsync(Request("FR", "EUR", null, null, ("702000100001", "NO-SUCH-PLAN")), default);

        Assert.Contains("no longer offered", Assert.Single(pricing.Refused).Reason);
    }

    [Fact]
    public async Task PriceAsync_GermanBusinessWithVatNumber_ReverseChargeWithoutVat()
    {
        var pricing = await PurchaseTestData.Pricer(fx).PriceAsync(Request("DE", "EUR", "DE 123 456 789", null, ("702000100001", "MI-TO20")), default);

        Assert.True(pricing.ReverseCharge);
        Assert.Equal(0, Assert.Single(pricing.Lines).VatRateBasisPoints);
    }

    [Fact]
    public async Task PriceAsync_GermanConsumer_GermanVatRate()
    {
        var pricing = await PurchaseTestData.Pricer(fx).PriceAsync(Request("DE", "EUR", null, null, ("702000100001", "MI-TO20")), default);

        Assert.False(pricing.ReverseCharge);
        Assert.Equal(1900, Assert.Single(pricing.Lines).VatRateBasisPoints);
    }

    [Fact]
    public async Task PriceAsync_ResellerAccount_ResellerDiscountOffTheListPrice()
    {
        var reseller = PurchaseTestData.AddUser(fx, Roles.Reseller);
        var customer = PurchaseTestData.AddUser(fx, Roles.Customer);
        var pricer = PurchaseTestData.Pricer(fx);

        var resellerLine = Assert.Single((await pricer.PriceAsync(Request("FR", "EUR", null, reseller, ("702000100001", "MI-TO20")), default)).Lines);
        var customerLine = Assert.Single((await pricer.PriceAsync(Request("FR", "EUR", null, customer, ("702000100001", "MI-TO20")), default)).Lines);

        Assert.Equal(2_400L, resellerLine.StandardUnitPriceMinor);
        Assert.Equal(CustomerProfile.Reseller.UnitNet(new(2_400, "EUR"), 1).Minor, resellerLine.UnitPriceMinor);
        Assert.True(resellerLine.UnitPriceMinor < customerLine.UnitPriceMinor);
    }

    [Fact]
    public async Task PriceAsync_CurrencyTheCountryDoesNotTake_EveryLineRefused()
    {
        var pricing = await PurchaseTestData.Pricer(fx).PriceAsync(Request("US", "EUR", null, null, ("702000100001", "MI-TO20")), default);

        Assert.Empty(pricing.Lines);
        Assert.Single(pricing.Refused);
    }
}
