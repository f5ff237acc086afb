using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Catalog;

namespace WarrantyPortal.Tests.Domain.Catalog;

public class TaxRuleTests
{
    private static readonly Money Net = new(10_000, "EUR");

    [Theory]
    [InlineData("DE", BuyerKind.Consumer, null, 1900, false)]
    [InlineData("FR", BuyerKind.Consumer, null, 2000, false)]
    [InlineData("HU", BuyerKind.Consumer, "HU12345678", 2700, false)]
    [InlineData("DE", BuyerKind.Business, "DE123456789", 0, true)]
    [InlineData("GR", BuyerKind.Business, "EL123456789", 0, true)]
    [InlineData("FR", BuyerKind.Business, "FR40303265045", 2000, false)]
    [InlineData("DE", BuyerKind.Business, null, 1900, false)]
    [InlineData("US", BuyerKind.Consumer, null, 0, false)]
    [InlineData("AU", BuyerKind.Business, null, 0, false)]
    public void Apply_BuyerAndCountry_ChargesVatOrReverseCharge(string country, BuyerKind buyer, string? vat, long expectedVat, bool reverse)
    {
        VatNumber.TryParse(vat, out var vatNumber);
        var quote = TaxRule.Default.Apply(Net, country, buyer, vatNumber);
        Assert.Equal(new Money(expectedVat, "EUR"), quote.Vat);
        Assert.Equal(reverse, quote.ReverseCharge);
        Assert.Equal(new Money(10_000 + expectedVat, "EUR"), quote.Gross);
    }

    [Fact]
    public void Displayed_ConsumerVsBusiness_GrossVsNet()
    {
        var quote = TaxRule.Default.Apply(Net, "DE", BuyerKind.Business, null);
        Assert.Equal(new Money(11_900, "EUR"), quote.Displayed(BuyerKind.Consumer));
        Assert.Equal(Net, quote.Displayed(BuyerKind.Business));
    }

    [Fact]
    public void Apply_FractionalCent_RoundsHalfAwayFromZero()
    {
        var quote = TaxRule.Default.Apply(new Money(1_250, "EUR"), "FI", BuyerKind.Consumer, null); // 25.5 % of 12.50 = 3.1875
        Assert.Equal(new Money(319, "EUR"), quote.Vat);
    }
}
