using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Eligibility;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Catalog;

public class EligibilityServiceTests(RegistryFixture fx) : IClassFixture<RegistryFixture>
{
    private static readonly QuoteRequest France = new("FR", "EUR");

    public static TheoryData<string, RefusalCode> DemoRefusals()
    {
        var data = new TheoryData<string, RefusalCode>();
        foreach (var sn in DemoFleet.AlreadyExtended) data.Add(sn, RefusalCode.AlreadyExtended);
        foreach (var sn in DemoFleet.BaseWarrantyExpired) data.Add(sn, RefusalCode.BaseWarrantyExpired);
        foreach (var sn in DemoFleet.TooLateToExtend) data.Add(sn, RefusalCode.TooLateToExtend);
        foreach (var sn in DemoFleet.NoPlanForModel) data.Add(sn, RefusalCode.NotSoldForModel);
        data.Add("702099999999", RefusalCode.UnknownSerialNumber);
        data.Add("7020-0009-66", RefusalCode.MalformedSerialNumber);
        return data;
    }

    [Theory]
    [MemberData(nameof(DemoRefusals))]
    public async Task QuoteAsync_DemoSerialNumber_RefusesWithTheCaseCode(string serialNumber, RefusalCode expected)
    {
        var quote = await fx.Eligibility().QuoteAsync(serialNumber, France);
        Assert.False(quote.CanExtend);
        Assert.Equal(expected, quote.Refusal!.Code);
        Assert.False(string.IsNullOrWhiteSpace(quote.RefusalMessage));
    }

    [Fact]
    public async Task QuoteAsync_AlreadyExtended_GivesTheKnownWording()
    {
        var quote = await fx.Eligibility().QuoteAsync("7020 0009 6622", France);
        Assert.Equal("Warranty for UID 702000096622 is not allowed. The micro inverter already has extended warranty", quote.RefusalMessage);
    }

    [Theory]
    [MemberData(nameof(EligibleSerials))]
    public async Task QuoteAsync_EligibleDemoDevice_OffersPlansWithEndDateAndPrice(string serialNumber)
    {
        var quote = await fx.Eligibility().QuoteAsync(serialNumber, France);
        Assert.True(quote.CanExtend, quote.RefusalMessage);
        Assert.Null(quote.Refusal);
        Assert.All(quote.Offers, o =>
        {
            Assert.True(o.NewEnd > quote.Device!.CoverageEnd);
            Assert.Equal("EUR", o.DisplayedPrice.Currency);
            Assert.Equal(o.Tax.Gross, o.DisplayedPrice); // a consumer sees VAT included
            Assert.Equal(o.UnitNet.Percent(0.20m), o.Tax.Vat);
        });
    }

    public static TheoryData<string> EligibleSerials() => [.. DemoFleet.Eligible];

    [Fact]
    public async Task QuoteAsync_MicroInverterTypedWithSpaces_OffersBothDs3PlansInOrder()
    {
        var quote = await fx.Eligibility().QuoteAsync("7020 0010 0001", new QuoteRequest("DE", "EUR"));
        Assert.Equal("702000100001", quote.SerialNumber);
        Assert.Equal(["MI-TO20", "MI-TO25"], quote.Offers.Select(o => o.PlanCode));
        Assert.Equal([20, 25], quote.Offers.Select(o => o.TotalYears));
        Assert.Equal(new Money(2_856, "EUR"), quote.Offers[0].DisplayedPrice); // 24.00 + 19 % German VAT
    }

    [Fact]
    public async Task QuoteAsync_RetiredPlan_IsNotOffered()
    {
        var quote = await fx.Eligibility().QuoteAsync(DemoFleet.Eligible[0], France);
        Assert.DoesNotContain(quote.Offers, o => o.PlanCode == "MI-TO15");
    }

    [Fact]
    public async Task QuoteAsync_BatteryFromTheUnitedStates_NotSoldForCountry()
    {
        var quote = await fx.Eligibility().QuoteAsync(DemoFleet.NotSoldInUnitedStates, new QuoteRequest("US", "USD"));
        Assert.Equal(RefusalCode.NotSoldForCountry, quote.Refusal!.Code);
    }

    [Theory]
    [InlineData("GB", "GBP", 2_100)]
    [InlineData("US", "USD", 2_600)]
    [InlineData("CN", "CNY", 18_800)]
    [InlineData("AU", "AUD", 3_900)]
    public async Task QuoteAsync_CountryCurrency_PricesInThatCurrencyWithoutConversion(string country, string currency, long net)
    {
        var quote = await fx.Eligibility().QuoteAsync(DemoFleet.Eligible[0], new QuoteRequest(country, currency));
        Assert.Equal(new Money(net, currency), quote.Offers[0].ListNet);
    }

    [Fact]
    public async Task QuoteAsync_CurrencyTheCountryDoesNotPayIn_Refused()
    {
        var quote = await fx.Eligibility().QuoteAsync(DemoFleet.Eligible[0], new QuoteRequest("US", "EUR"));
        Assert.Equal(RefusalCode.CurrencyNotAccepted, quote.Refusal!.Code);
    }

    [Fact]
    public async Task QuoteManyAsync_ResellerBusinessWithForeignVatNumber_TierPriceAndReverseCharge()
    {
        VatNumber.TryParse("DE123456789", out var vat);
        var request = new QuoteRequest("DE", "EUR", CustomerProfile.ResellerCode, BuyerKind.Business, vat, Quantity: 120);
        var quote = (await fx.Eligibility().QuoteManyAsync([DemoFleet.Eligible[0]], request))[0];
        var offer = quote.Offers.First(o => o.PlanCode == "MI-TO20");
        Assert.Equal(new Money(1_836, "EUR"), offer.UnitNet); // 24.00 − 15 % − 10 % (100+ tier)
        Assert.True(offer.Tax.ReverseCharge);
        Assert.Equal(offer.UnitNet, offer.DisplayedPrice);
    }

    [Fact]
    public async Task QuoteManyAsync_MixedInputs_OneAnswerPerInputInOrder()
    {
        string[] inputs = ["702000100001", "bad!", "702099999999", "7020 0009 6622", "702000100001"];
        var quotes = await fx.Eligibility().QuoteManyAsync(inputs, France);
        Assert.Equal(inputs, quotes.Select(q => q.Input));
        Assert.Equal([null, RefusalCode.MalformedSerialNumber, RefusalCode.UnknownSerialNumber, RefusalCode.AlreadyExtended, null],
            quotes.Select(q => q.Refusal?.Code));
    }

    [Fact]
    public async Task QuoteManyAsync_DeviceInAnotherOpenOrder_Refused()
    {
        var orders = new FixedOpenOrders(DemoFleet.Eligible[1]);
        var quotes = await fx.Eligibility(orders).QuoteManyAsync([DemoFleet.Eligible[0], DemoFleet.Eligible[1]], France);
        Assert.True(quotes[0].CanExtend);
        Assert.Equal(RefusalCode.DeviceInOpenOrder, quotes[1].Refusal!.Code);
        Assert.Equal(1, orders.Calls);
    }

    [Fact]
    public async Task DecideAsync_RetiredPlan_RefusedAsRetired()
    {
        var retired = (await fx.Catalog.PlansAsync(includeRetired: true)).Single(p => p.Code == "MI-TO15");
        var (result, message) = await fx.Eligibility().DecideAsync(DemoFleet.Eligible[0], retired.Id, France);
        Assert.Equal(RefusalCode.PlanRetired, result.Refusal!.Code);
        Assert.Contains("no longer sold", message);
    }

    [Fact]
    public async Task DecideAsync_EligiblePlan_GivesTheOffer()
    {
        var plan = (await fx.Catalog.PlansAsync()).Single(p => p.Code == "MI-TO25");
        var (result, message) = await fx.Eligibility().DecideAsync("7020 0010 0002", plan.Id, France);
        Assert.True(result.IsEligible);
        Assert.Null(message);
        Assert.Equal(25, result.Offer!.TotalYears);
    }

    [Fact]
    public async Task QuoteAsync_UnknownCountry_ThrowsSayingWhich()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => fx.Eligibility().QuoteAsync(DemoFleet.Eligible[0], new QuoteRequest("XX", "EUR")));
        Assert.Contains("'XX'", e.Message);
    }

    private sealed class FixedOpenOrders(params string[] serials) : IOpenOrderLookup
    {
        public int Calls { get; private set; }

        public Task<IReadOnlySet<string>> SerialNumbersInOpenOrdersAsync(IReadOnlyCollection<string> serialNumbers, string? excludingOrderNumber, CancellationToken ct)
        {
            Calls++;
            return Task.FromResult<IReadOnlySet<string>>(serialNumbers.Intersect(serials).ToHashSet());
        }
    }
}
