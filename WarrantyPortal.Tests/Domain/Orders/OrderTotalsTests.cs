using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using static WarrantyPortal.Tests.Domain.Orders.OrderFactory;

namespace WarrantyPortal.Tests.Domain.Orders;

public class OrderTotalsTests
{
    [Fact]
    public void Compute_OneRate_SubtotalVatAndTotal()
    {
        var totals = OrderTotals.Compute([Line("A", 100_00), Line("B", 50_00)], "EUR", reverseCharge: false);
        Assert.Equal(new Money(150_00, "EUR"), totals.Subtotal);
        var vat = Assert.Single(totals.Vat);
        Assert.Equal((1900, new Money(150_00, "EUR"), new Money(28_50, "EUR")), (vat.RateBasisPoints, vat.Net, vat.Vat));
        Assert.Equal(new Money(178_50, "EUR"), totals.Total);
    }

    [Fact]
    public void Compute_TwoRates_OneVatLinePerRateHighestFirst()
    {
        var totals = OrderTotals.Compute([Line("A", 100_00, 1900), Line("B", 100_00, 700), Line("C", 10_00, 1900)], "EUR", false);
        Assert.Equal([1900, 700], totals.Vat.Select(v => v.RateBasisPoints));
        Assert.Equal(new Money(20_90, "EUR"), totals.Vat[0].Vat);
        Assert.Equal(new Money(7_00, "EUR"), totals.Vat[1].Vat);
        Assert.Equal(new Money(237_90, "EUR"), totals.Total);
    }

    [Fact]
    public void Compute_ReverseCharge_NoVatTotalIsNet()
    {
        var totals = OrderTotals.Compute([Line("A", 100_00, 2100)], "EUR", reverseCharge: true);
        Assert.True(totals.ReverseCharge);
        Assert.Empty(totals.Vat);
        Assert.Equal(new Money(100_00, "EUR"), totals.Total);
    }

    [Fact]
    public void Compute_VatRoundedOncePerRate_NotPerLine()
    {
        // Three lines of 0.05 € at 10 %: per line 0.005 → 0.01 each (0.03); on the sum 0.015 → 0.02.
        var totals = OrderTotals.Compute([Line("A", 5, 1000), Line("B", 5, 1000), Line("C", 5, 1000)], "EUR", false);
        Assert.Equal(new Money(2, "EUR"), totals.VatTotal);
    }

    [Theory]
    [InlineData("EUR", 12_50, 2100, 2_63)]  // 2.625 € → 2.63 €
    [InlineData("JPY", 1250, 1000, 125)]    // yen has no minor unit: 125 ¥
    [InlineData("JPY", 1255, 1000, 126)]    // 125.5 ¥ → 126 ¥
    [InlineData("GBP", 9_99, 2000, 2_00)]   // 1.998 £ → 2.00 £
    public void Compute_HalfMinorUnit_RoundsAwayFromZeroInCurrencyUnit(string currency, long net, int rateBp, long expectedVat)
    {
        var totals = OrderTotals.Compute([Line("A", net, rateBp)], currency, false);
        Assert.Equal(new Money(expectedVat, currency), totals.VatTotal);
    }

    [Fact]
    public void Compute_DiscountedLine_StandardTotalAndDiscount()
    {
        var totals = OrderTotals.Compute([Line("A", 90_00, 1900, standard: 100_00)], "EUR", false);
        Assert.Equal(new Money(100_00, "EUR"), totals.StandardTotal);
        Assert.Equal(new Money(10_00, "EUR"), totals.Discount);
    }

    [Fact]
    public void CreateDraft_StoresTotalsForListing()
    {
        var order = Order.CreateDraft("u", Consumer(), "EUR", false, [Line("A", 100_00, 1900, standard: 120_00)], null, true, Buyer, At);
        Assert.Equal((120_00L, 100_00L, 19_00L, 119_00L), (order.StandardTotalMinor, order.SubtotalMinor, order.VatMinor, order.TotalMinor));
    }
}
