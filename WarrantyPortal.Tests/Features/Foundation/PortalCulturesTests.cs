using System.Globalization;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Tests.Features.Foundation;

/// <summary>How each language writes dates: English the European way (day first), French as in France.</summary>
public class PortalCulturesTests
{
    private static readonly DateTime Evening = new(2036, 6, 22, 15, 45, 0);

    [Theory]
    [InlineData("en", "22/06/2036", "22/06/2036 15:45")]
    [InlineData("en-US", "22/06/2036", "22/06/2036 15:45")]
    [InlineData("", "22/06/2036", "22/06/2036 15:45")]
    [InlineData("fr", "22/06/2036", "22/06/2036 15:45")]
    [InlineData("fr-FR", "22/06/2036", "22/06/2036 15:45")]
    public void Get_Language_DayFirstDatesAnd24HourTimes(string name, string date, string dateTime)
    {
        var culture = PortalCultures.Get(name);

        Assert.Equal(date, DateOnly.FromDateTime(Evening).ToString("d", culture));
        Assert.Equal(dateTime, Evening.ToString("g", culture));
    }

    [Fact]
    public void Get_English_KeepsTheLanguageItsTextsAndMonthNamesComeFrom()
    {
        var english = PortalCultures.Get("en");

        Assert.Equal("en", english.Name);
        Assert.Equal("22 June 2036", Evening.ToString("d MMMM yyyy", english));
        Assert.Equal("22 juin 2036", Evening.ToString("d MMMM yyyy", PortalCultures.Get("fr")));
    }

    [Fact]
    public void CultureScope_EmailInEnglish_DatesDayFirst()
    {
        using (CultureScope.Use("en"))
        {
            Assert.Equal("22/06/2036", DateOnly.FromDateTime(Evening).ToString("d"));
            Assert.Equal("en", CultureInfo.CurrentUICulture.Name);
        }
    }
}
