using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Catalog;

namespace WarrantyPortal.Tests.Domain.Catalog;

public class CountriesTests
{
    [Fact]
    public void All_EveryEuCountry_HasAVatRateAndAVatNumberFormat()
    {
        var eu = Countries.All.Where(c => c.IsEu).ToList();
        Assert.Equal(27, eu.Count);
        Assert.All(eu, c => Assert.True(VatTable.Eu.IsListed(c.Code), c.Code));
        Assert.All(eu, c => Assert.True(VatNumber.HasFormatFor(c.Code), c.Code));
    }

    [Theory]
    [InlineData("GB", "GBP")]
    [InlineData("US", "USD")]
    [InlineData("CN", "CNY")]
    [InlineData("AU", "AUD")]
    [InlineData("CH", "EUR")]
    [InlineData("de", "EUR")]
    public void Find_Country_HasItsDefaultSettlementCurrency(string code, string currency)
    {
        var country = Countries.Find(code);
        Assert.NotNull(country);
        Assert.Equal(currency, country.DefaultCurrency);
        Assert.True(country.Accepts(currency));
    }

    [Fact]
    public void All_Currencies_AreKnownToMoney()
    {
        Assert.All(Countries.All.SelectMany(c => c.Currencies), c => Assert.True(Currencies.IsKnown(c), c));
    }
}
