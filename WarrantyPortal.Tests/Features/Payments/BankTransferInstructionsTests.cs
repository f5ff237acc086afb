using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Tests.Features.Payments;

public class BankTransferInstructionsTests
{
    private static readonly BankTransferOptions Bank = new()
    {
        AccountHolder = "Alternenergy Power Trading",
        Iban = "FR7630006000011234567890189",
        Bic = "agrifrpp",
        BankName = "Crédit Agricole",
        ReminderAfterDays = 7,
        ExpireAfterDays = 14,
    };

    private static readonly DateTime SentAt = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static BankTransferInstructions Instructions()
    {
        var localizer = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(PaymentsText));
        return new BankTransferInstructions(Options.Create(Bank), new StringLocalizer<PaymentsText>(new SingleLocalizerFactory(localizer)),
            new EmailComposer(Options.Create(new PortalOptions())));
    }

    [Fact]
    public void RenderText_English_ExactAmountOrderNumberAsReferenceAndBankDetails()
    {
        var text = Instructions().RenderText("WE202611230001", new Money(7200, "EUR"), SentAt, "en");

        Assert.Contains("send exactly €72.00", text);
        Assert.Contains("Reference: WE202611230001", text);
        Assert.Contains("Write WE202611230001 as the payment reference", text);
        Assert.Contains("IBAN: FR76 3000 6000 0112 3456 7890 189", text);
        Assert.Contains("BIC: AGRIFRPP", text);
        Assert.Contains("Account holder: Alternenergy Power Trading", text);
        Assert.Contains("7 December 2026", text); // day first, as everywhere in English
    }

    [Fact]
    public void ComposeEmail_French_TranslatedWithFrenchAmount()
    {
        var email = Instructions().ComposeEmail("ana@example.fr", "Ana", "fr", "WE202611230001", new Money(7200, "EUR"), SentAt);

        Assert.Equal("Coordonnées bancaires pour la commande WE202611230001", email.Subject);
        Assert.Contains("Bonjour Ana,", email.TextBody);
        Assert.Contains("envoyer exactement 72,00", email.TextBody);
        Assert.Contains("Référence: WE202611230001", email.TextBody);
        Assert.Contains("décembre 2026", email.TextBody);
        Assert.Equal("WE202611230001", email.Reference);
    }

    [Theory]
    [InlineData("FR76 3000 6000 0112 3456 7890 189", true)]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("DE89370400440532013001", false)]
    [InlineData("not an iban", false)]
    public void IsValidIban_CheckDigits(string iban, bool valid) => Assert.Equal(valid, BankTransferOptions.IsValidIban(iban));

    [Fact]
    public void Validator_IbanWithWrongCheckDigits_RefusedWithKeyName()
    {
        var result = new BankTransferOptionsValidator().Validate(null, new BankTransferOptions { AccountHolder = "X", Bic = "Y", Iban = "DE89370400440532013001" });

        Assert.True(result.Failed);
        Assert.Contains("Payments:BankTransfer:Iban", result.FailureMessage);
    }

    private sealed class SingleLocalizerFactory(IStringLocalizer localizer) : IStringLocalizerFactory
    {
        public IStringLocalizer Create(Type resourceSource) => localizer;
        public IStringLocalizer Create(string baseName, string location) => localizer;
    }
}
