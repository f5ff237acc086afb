using System.Globalization;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Eligibility;
using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Tests.Domain.Eligibility;

public class EligibilityTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static DeviceRecord Micro(string sn = "702000096622", string model = "DS3-H", string commissioned = "2025-03-01",
        string baseEnd = "2037-02-28", CoverageExtension? extension = null) => new(
        SerialNumber.Parse(sn), model, ProductFamily.MicroInverter, 880, D("2025-01-10"), D(commissioned), D(commissioned), D(baseEnd),
        "FR", "216000123456", extension is null ? [] : [extension]);

    private static ExtensionPlan Plan(string code, TermKind kind, int years, string[]? models = null, string[]? countries = null,
        bool retired = false, ProductFamily family = ProductFamily.MicroInverter) => new(
        1, code, code, code, family, new TermRule(kind, years), models ?? [], countries ?? [],
        new Dictionary<string, long> { ["EUR"] = 6_000, ["GBP"] = 5_200 }, retired);

    private static SaleContext Sale(string country = "FR", string currency = "EUR", CustomerProfile? profile = null, int quantity = 1,
        BuyerKind buyer = BuyerKind.Consumer, string? vat = null)
    {
        VatNumber.TryParse(vat, out var vatNumber);
        return new(Countries.Get(country), currency, Today, profile ?? CustomerProfile.Customer, quantity, buyer, vatNumber, TaxRule.Default);
    }

    private static readonly ExtensionPlan To20 = Plan("MI-20", TermKind.ExtendTotalTo, 20);

    public static TheoryData<string, EligibilityRequest, RefusalCode> Refusals => new()
    {
        { "malformed", new("7020-0009-66!", null, To20, Sale()), RefusalCode.MalformedSerialNumber },
        { "too short", new("70200009662", null, To20, Sale()), RefusalCode.MalformedSerialNumber },
        { "unknown", new("702000000001", null, To20, Sale()), RefusalCode.UnknownSerialNumber },
        { "open order", new("702000096622", Micro(), To20, Sale(), InOpenOrder: true), RefusalCode.DeviceInOpenOrder },
        { "already extended", new("702000096622", Micro(extension: new("MI-20", D("2037-03-01"), D("2045-02-28"), "WP-1", "C-1")), To20, Sale()), RefusalCode.AlreadyExtended },
        { "base expired", new("702000096622", Micro(commissioned: "2025-06-01", baseEnd: "2026-05-31"), To20, Sale()), RefusalCode.BaseWarrantyExpired },
        { "too late", new("702000096622", Micro(commissioned: "2024-06-14", baseEnd: "2036-06-13"), To20, Sale()), RefusalCode.TooLateToExtend },
        { "retired", new("702000096622", Micro(), Plan("OLD", TermKind.ExtendTotalTo, 20, retired: true), Sale()), RefusalCode.PlanRetired },
        { "other model", new("702000096622", Micro(), Plan("QT", TermKind.ExtendTotalTo, 20, models: ["QT2D"]), Sale()), RefusalCode.NotSoldForModel },
        { "other family", new("702000096622", Micro(), Plan("SI", TermKind.ExtendTotalTo, 20, family: ProductFamily.StringInverter), Sale()), RefusalCode.NotSoldForModel },
        { "other country", new("702000096622", Micro(), Plan("FR-only", TermKind.ExtendTotalTo, 20, countries: ["FR"]), Sale("DE")), RefusalCode.NotSoldForCountry },
        { "not lengthen", new("702000096622", Micro(), Plan("MI-10", TermKind.ExtendTotalTo, 10), Sale()), RefusalCode.WouldNotLengthen },
        { "same length", new("702000096622", Micro(), Plan("MI-12", TermKind.ExtendTotalTo, 12), Sale()), RefusalCode.WouldNotLengthen },
        { "beyond longest", new("702000096622", Micro(), Plan("MI+15", TermKind.AddYears, 15), Sale()), RefusalCode.ExceedsLongestTerm },
        { "currency not accepted", new("702000096622", Micro(), To20, Sale("FR", "CNY")), RefusalCode.CurrencyNotAccepted },
        { "no price", new("702000096622", Micro(), To20, Sale("FR", "USD")), RefusalCode.NoPriceInCurrency },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Decide_Case_RefusesWithCode(string @case, EligibilityRequest request, RefusalCode expected)
    {
        var result = EligibilityRule.Decide(request);
        Assert.False(result.IsEligible, @case);
        Assert.Equal(expected, result.Refusal!.Code);
    }

    [Theory]
    [InlineData("7020 0009 6622")]
    [InlineData("702000096622")]
    [InlineData(" 7020-0009-6622 ")]
    public void Decide_EligibleDeviceTypedAnyWay_OffersThePlan(string typed)
    {
        var result = EligibilityRule.Decide(new(typed, Micro(), To20, Sale()));
        Assert.True(result.IsEligible);
        var offer = result.Offer!;
        Assert.Equal(D("2037-03-01"), offer.NewStart);
        Assert.Equal(D("2045-02-28"), offer.NewEnd);
        Assert.Equal(20, offer.TotalYears);
        Assert.Equal(new Money(6_000, "EUR"), offer.ListNet);
        Assert.Equal(new Money(7_200, "EUR"), offer.Tax.Gross);
    }

    [Fact]
    public void Decide_AddYearsPlan_AddsAfterCoverageEnd()
    {
        var offer = EligibilityRule.Decide(new("702000096622", Micro(), Plan("MI+5", TermKind.AddYears, 5), Sale())).Offer!;
        Assert.Equal(D("2042-02-28"), offer.NewEnd);
        Assert.Equal(17, offer.TotalYears);
    }

    [Fact]
    public void Decide_LongestTermExactly_IsAllowed()
    {
        Assert.True(EligibilityRule.Decide(new("702000096622", Micro(), Plan("MI-25", TermKind.ExtendTotalTo, 25), Sale())).IsEligible);
    }

    [Fact]
    public void Decide_LastDayOfWindow_IsStillAllowed()
    {
        var device = Micro(commissioned: "2024-06-15", baseEnd: "2036-06-14");
        Assert.True(EligibilityRule.Decide(new("702000096622", device, To20, Sale())).IsEligible);
    }

    public static TheoryData<string, CustomerProfile, int, BuyerKind, string?, long, long> Prices => new()
    {
        { "DE", CustomerProfile.Customer, 1, BuyerKind.Consumer, null, 6_000, 7_140 },
        { "DE", CustomerProfile.Reseller, 10, BuyerKind.Consumer, null, 4_845, 5_766 },
        { "DE", CustomerProfile.Reseller, 100, BuyerKind.Business, "DE123456789", 4_590, 4_590 },
        { "FR", CustomerProfile.Distributor, 1, BuyerKind.Business, "FR40303265045", 4_500, 5_400 },
        { "GB", CustomerProfile.Customer, 1, BuyerKind.Consumer, null, 6_000, 6_000 },
    };

    [Theory]
    [MemberData(nameof(Prices))]
    public void Decide_Buyer_PricesWithProfileTierAndTax(string country, CustomerProfile profile, int quantity, BuyerKind buyer, string? vat, long unitNet, long gross)
    {
        var offer = EligibilityRule.Decide(new("702000096622", Micro(), To20, Sale(country, "EUR", profile, quantity, buyer, vat))).Offer!;
        Assert.Equal(new Money(unitNet, "EUR"), offer.UnitNet);
        Assert.Equal(new Money(gross, "EUR"), offer.Tax.Gross);
    }

    public static TheoryData<ProductFamily, string, string, string, string> Windows => new()
    {
        // family, production, commissioning, base end, last day to buy
        { ProductFamily.MicroInverter, "2024-01-01", "2024-05-10", "2036-05-09", "2026-05-10" },
        { ProductFamily.StringInverter, "2024-01-01", "2024-05-10", "2034-05-09", "2025-05-10" },
        { ProductFamily.HybridInverter, "2024-01-01", "2024-05-10", "2034-05-09", "2026-07-01" },
        { ProductFamily.Battery, "2024-01-01", "2024-05-10", "2034-05-09", "2024-11-10" },
        { ProductFamily.MonitoringGateway, "2024-01-01", "2024-05-10", "2029-05-09", "2028-05-09" },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void LastDay_FamilyWindow_CountsFromItsAnchor(ProductFamily family, string produced, string commissioned, string baseEnd, string lastDay)
    {
        var device = new DeviceRecord(SerialNumber.Parse("702000096622"), "X", family, 1, D(produced), D(commissioned), D(commissioned), D(baseEnd), "FR", null, []);
        Assert.Equal(D(lastDay), FamilyPolicy.For(family).Window.LastDay(device));
    }

    [Fact]
    public void LastDay_NeverCommissioned_CountsFromProduction()
    {
        var device = Micro() with { CommissioningDate = null };
        Assert.Equal(D("2027-01-10"), FamilyPolicy.For(ProductFamily.MicroInverter).Window.LastDay(device));
    }
}
