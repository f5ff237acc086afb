using WarrantyPortal.Domain.Catalog;

namespace WarrantyPortal.Tests.Domain.Catalog;

public class VatNumberTests
{
    [Theory]
    [InlineData("FR 40 303 265 045", "FR40303265045", "FR")]
    [InlineData("de123456789", "DE123456789", "DE")]
    [InlineData("ATU12345678", "ATU12345678", "AT")]
    [InlineData("EL123456789", "EL123456789", "GR")]
    [InlineData("NL123456789B01", "NL123456789B01", "NL")]
    [InlineData("ES-X1234567-L", "ESX1234567L", "ES")]
    [InlineData("IE1234567WA", "IE1234567WA", "IE")]
    [InlineData("SE123456789001", "SE123456789001", "SE")]
    public void TryParse_WellFormed_NormalisesAndFindsCountry(string typed, string value, string country)
    {
        Assert.True(VatNumber.TryParse(typed, out var vat));
        Assert.Equal(value, vat!.Value);
        Assert.Equal(country, vat.CountryCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("DE12345678")]
    [InlineData("AT12345678")]
    [InlineData("NL123456789")]
    [InlineData("GB123456789")]
    [InlineData("US123456789")]
    [InlineData("FRIO303265045")]
    public void TryParse_WrongFormatOrNotEu_Rejects(string typed)
    {
        Assert.False(VatNumber.TryParse(typed, out _));
    }
}
