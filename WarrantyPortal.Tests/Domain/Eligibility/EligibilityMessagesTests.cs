using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Eligibility;
using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Tests.Domain.Eligibility;

public class EligibilityMessagesTests
{
    private static IStringLocalizer<EligibilityText> Text() =>
        new StringLocalizer<EligibilityText>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static string InCulture(string culture, Func<string> f)
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousFormat = CultureInfo.CurrentCulture;
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try { return f(); }
        finally { CultureInfo.CurrentUICulture = previous; CultureInfo.CurrentCulture = previousFormat; }
    }

    [Fact]
    public void Describe_AlreadyExtended_UsesTheWordingCustomersKnow()
    {
        var message = InCulture("en", () => Text().Describe(new Refusal(RefusalCode.AlreadyExtended, "702000096622", ProductFamily.MicroInverter)));
        Assert.Equal("Warranty for UID 702000096622 is not allowed. The micro inverter already has extended warranty", message);
    }

    [Fact]
    public void Describe_ExpiredInFrench_FormatsTheDateTheFrenchWay()
    {
        var message = InCulture("fr-FR", () => Text().Describe(new Refusal(RefusalCode.BaseWarrantyExpired, "702000096622", ProductFamily.MicroInverter, new DateOnly(2026, 5, 31))));
        Assert.Equal("La garantie de 702000096622 a pris fin le 31/05/2026. Une garantie expirée ne peut pas être prolongée.", message);
    }

    public static TheoryData<RefusalCode, string> EveryCodeInEveryLanguage()
    {
        var data = new TheoryData<RefusalCode, string>();
        foreach (var code in Enum.GetValues<RefusalCode>())
        {
            data.Add(code, "en");
            data.Add(code, "fr");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryCodeInEveryLanguage))]
    public void Describe_EveryCode_HasATranslatedMessage(RefusalCode code, string culture)
    {
        var text = Text();
        var refusal = new Refusal(code, "702000096622", ProductFamily.Battery, new DateOnly(2026, 1, 2));
        var message = InCulture(culture, () => text.Describe(refusal));
        var english = InCulture("en", () => text.Describe(refusal));
        Assert.DoesNotContain("Refusal_", message);
        Assert.Contains(code is RefusalCode.NotSoldForCountry or RefusalCode.CurrencyNotAccepted or RefusalCode.NoPriceInCurrency ? "" : "702000096622", message);
        if (culture == "fr") Assert.NotEqual(english, message);
    }

    [Fact]
    public void FamilyName_EveryFamily_IsTranslated()
    {
        Assert.All(Enum.GetValues<ProductFamily>(), f => Assert.False(Text()[$"Family_{f}"].ResourceNotFound, f.ToString()));
    }
}
