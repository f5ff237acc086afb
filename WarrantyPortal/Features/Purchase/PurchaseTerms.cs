using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Features.Catalog;

namespace WarrantyPortal.Features.Purchase;

/// <summary>
/// How the purchase form and the server pricer read a buyer's tax number: without one the buyer is a consumer;
/// with one a business, and an EU VAT number in the right format can move the VAT to the buyer (reverse charge).
/// Both sides use this so the prices a buyer sees are the prices the server charges.
/// </summary>
public static class PurchaseTerms
{
    public static BuyerKind KindFor(string? taxId) => string.IsNullOrWhiteSpace(taxId) ? BuyerKind.Consumer : BuyerKind.Business;

    public static VatNumber? VatNumberOf(string? taxId) => VatNumber.TryParse(taxId, out var vat) ? vat : null;

    /// <summary>In an EU country a tax number must be a well-formed EU VAT number; elsewhere any tax number is taken as written.</summary>
    public static bool IsTaxIdAccepted(string? countryCode, string? taxId) =>
        string.IsNullOrWhiteSpace(taxId) || Countries.Find(countryCode) is not { IsEu: true } || VatNumberOf(taxId) is not null;

    public static bool IsReverseCharge(string? taxId) => TaxRule.Default.IsReverseCharge(KindFor(taxId), VatNumberOf(taxId));

    public static QuoteRequest Request(string country, string currency, string? taxId, string profileCode, int? quantity = null) =>
        new(country, currency, profileCode, KindFor(taxId), VatNumberOf(taxId), quantity);

    public static int BasisPoints(decimal rate) => (int)Math.Round(rate * 10_000m, MidpointRounding.AwayFromZero);
}
