using System.Globalization;
using WarrantyPortal.Domain;

namespace WarrantyPortal.Tests.Domain;

public class MoneyTests
{
    [Fact]
    public void Percent_HalfCent_RoundsAwayFromZero()
    {
        var net = new Money(1250, "EUR"); // 12.50 €
        Assert.Equal(new Money(263, "EUR"), net.Percent(0.21m)); // 2.625 → 2.63
    }

    [Fact]
    public void Add_DifferentCurrencies_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new Money(1, "EUR") + new Money(1, "USD"));
    }

    [Theory]
    [InlineData("fr-FR", "EUR", 123456, "1 234,56 €")]
    [InlineData("en-US", "USD", 123456, "$1,234.56")]
    [InlineData("en-GB", "GBP", 999, "£9.99")]
    public void Format_Culture_UsesCultureSeparatorsAndCurrencySymbol(string culture, string currency, long minor, string expected)
    {
        var text = new Money(minor, currency).Format(CultureInfo.GetCultureInfo(culture));
        Assert.Equal(expected, text.Replace('\u202f', ' ').Replace('\u00a0', ' '));
    }
}
