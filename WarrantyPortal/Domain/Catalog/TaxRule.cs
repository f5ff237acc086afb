namespace WarrantyPortal.Domain.Catalog;

public enum BuyerKind
{
    Consumer,
    Business,
}

/// <summary>What a line costs with tax: prices are stored net; consumers see <see cref="Gross"/>, businesses net plus VAT.</summary>
public sealed record TaxQuote(Money Net, decimal Rate, Money Vat, bool ReverseCharge)
{
    public Money Gross => Net + Vat;

    /// <summary>The price shown in lists: including VAT for consumers, net for business buyers.</summary>
    public Money Displayed(BuyerKind buyer) => buyer == BuyerKind.Consumer ? Gross : Net;
}

/// <summary>
/// VAT of the buyer's country; a business buyer with a well-formed VAT number from another EU member state
/// than the seller's pays no VAT (reverse charge: the buyer accounts for it).
/// </summary>
public sealed class TaxRule(string sellerCountry, VatTable rates)
{
    public static readonly TaxRule Default = new("FR", VatTable.Eu);

    public string SellerCountry => sellerCountry;

    public TaxQuote Apply(Money net, string buyerCountry, BuyerKind buyer, VatNumber? vatNumber)
    {
        if (IsReverseCharge(buyer, vatNumber)) return new TaxQuote(net, 0m, Money.Zero(net.Currency), true);
        var rate = rates.RateFor(buyerCountry);
        return new TaxQuote(net, rate, net.Percent(rate), false);
    }

    public bool IsReverseCharge(BuyerKind buyer, VatNumber? vatNumber) =>
        buyer == BuyerKind.Business
        && vatNumber is not null
        && rates.IsListed(vatNumber.CountryCode)
        && !string.Equals(vatNumber.CountryCode, sellerCountry, StringComparison.OrdinalIgnoreCase);
}
