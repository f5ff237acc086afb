using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Catalog;

namespace WarrantyPortal.Tests.Domain.Catalog;

public class CustomerProfileTests
{
    private static readonly Money List = new(10_000, "EUR");

    public static TheoryData<string, int, long> Prices => new()
    {
        { "Customer", 1, 10_000 },
        { "Customer", 9, 10_000 },
        { "Customer", 10, 9_700 },
        { "Customer", 100, 9_500 },
        { "Reseller", 1, 8_500 },
        { "Reseller", 10, 8_075 },
        { "Reseller", 99, 8_075 },
        { "Reseller", 100, 7_650 },
        { "Distributor", 1, 7_500 },
        { "Distributor", 250, 6_600 },
    };

    [Theory]
    [MemberData(nameof(Prices))]
    public void UnitNet_ProfileAndQuantity_AppliesDiscountThenTier(string profile, int quantity, long expected)
    {
        var p = CustomerProfile.Defaults.Single(x => x.Code == profile);
        Assert.Equal(new Money(expected, "EUR"), p.UnitNet(List, quantity));
    }

    [Fact]
    public void TierRanges_DefaultTiers_AreOneToNineTenToNinetyNineAndHundredPlus()
    {
        Assert.Equal(["1–9", "10–99", "100+"], CustomerProfile.Reseller.TierRanges().Select(t => t.Range));
    }

    [Fact]
    public void UnitNet_OddAmount_RoundsToTheCent()
    {
        Assert.Equal(new Money(1_020, "EUR"), CustomerProfile.Reseller.UnitNet(new Money(1_200, "EUR"), 1)); // 12.00 − 15 % = 10.20
        Assert.Equal(new Money(849, "EUR"), CustomerProfile.Reseller.UnitNet(new Money(999, "EUR"), 1)); // 8.4915 → 8.49
    }
}
