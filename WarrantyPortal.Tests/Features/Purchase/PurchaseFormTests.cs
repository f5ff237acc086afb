using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Purchase;

namespace WarrantyPortal.Tests.Features.Purchase;

public class PurchaseFormTests
{
    [Fact]
    public void Prefill_DevicesFromALink_FillsTheBlankCardThenAddsCardsAndSkipsOnesAlreadyThere()
    {
        var form = new PurchaseForm();

        form.Prefill(["7020 0009 6622", "702000100001"]);
        form.Prefill(["702000096622", "", "702000100002"]);

        Assert.Equal(["7020 0009 6622", "702000100001", "702000100002"], form.Lines.Select(l => l.SerialNumber));
    }

    [Fact]
    public void ChangeCountry_CurrencyNotTakenThere_SwitchesToTheSettlementCurrency()
    {
        var form = new PurchaseForm();
        form.ChangeCountry("CN");
        form.Currency = "USD";

        form.ChangeCountry("GB");

        Assert.Equal("GBP", form.Currency);
        Assert.Equal(["GBP", "EUR"], form.CurrencyOptions);
    }

    [Fact]
    public void ChangeCountry_CurrencyAlsoTakenThere_KeepsTheBuyersChoice()
    {
        var form = new PurchaseForm();
        form.ChangeCountry("DE");
        form.Currency = "USD";

        form.ChangeCountry("FR");

        Assert.Equal("USD", form.Currency);
    }

    [Theory]
    [InlineData("DE", "", true, false, true)]
    [InlineData("DE", "DE123456789", true, true, false)]
    [InlineData("DE", "DE12345", false, false, false)]
    [InlineData("FR", "FR40303265045", true, false, false)]
    [InlineData("US", "12-3456789", true, false, false)]
    [InlineData("US", "", true, false, false)]
    [InlineData("AU", "", true, false, false)]
    public void TaxId_ByCountry_DecidesValidityReverseChargeAndConsent(string country, string taxId, bool accepted, bool reverseCharge, bool needsConsent)
    {
        var form = new PurchaseForm { TaxId = taxId };
        form.ChangeCountry(country);

        Assert.Equal(accepted, form.TaxIdAccepted);
        Assert.Equal(reverseCharge, form.ReverseCharge);
        Assert.Equal(needsConsent, form.NeedsConsent);
    }

    [Fact]
    public void Problems_EmptyForm_ListsWhatToFillIn()
    {
        var problems = new PurchaseForm().Problems();

        Assert.Contains("Problem_FullName", problems);
        Assert.Contains("Problem_Payer", problems);
        Assert.Contains("Problem_Address", problems);
        Assert.Contains("Problem_NoProduct", problems);
        Assert.Contains("Problem_Consent", problems);
    }

    [Fact]
    public void From_DraftAndAccount_DraftWinsAccountFillsTheGaps()
    {
        var draft = new PurchaseDraftContent
        {
            Country = "DE", Currency = "USD", PayerName = "Solar GmbH", PayerKind = PayerKind.Company,
            InstallationAddress = new PostalAddress { Line1 = "Sonnenallee 12", City = "Berlin", PostalCode = "12045", Country = "DE" },
            Lines = [new PurchaseDraftLine("702000100001", "MI-TO20"), new PurchaseDraftLine("SI1ES120N00001", null)],
        };
        var account = new BuyerAccount("Clara Customer", "clara@example.test", "+49 30 1", "FR", null, null);

        var form = PurchaseForm.From(draft, account);

        Assert.Equal(("DE", "USD", "Solar GmbH", "Clara Customer", "clara@example.test"), (form.Country, form.Currency, form.PayerName, form.FullName, form.Email));
        Assert.Equal(["702000100001", "SI1ES120N00001"], form.Lines.Select(l => l.SerialNumber));
        Assert.Equal("MI-TO20", form.Lines[0].PlanCode);
        Assert.Equal(form.ToContent().Lines, draft.Lines);
    }
}
