using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Vies;

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

    /// <summary>Reverse charge by the format alone, or, once VIES answered about this number, unless it said "not registered".</summary>
    public static bool IsReverseCharge(string? taxId, VatVerification? check = null) =>
        TaxRule.Default.IsReverseCharge(KindFor(taxId), VatNumberFor(taxId, check));

    /// <summary>The VAT number that may move the VAT to the buyer: none when VIES said this number is not registered.</summary>
    public static VatNumber? VatNumberFor(string? taxId, VatVerification? check)
    {
        var vat = VatNumberOf(taxId);
        return vat is not null && check is { Outcome: VatCheckOutcome.Invalid } && check.VatNumber == vat.Value ? null : vat;
    }

    /// <summary>
    /// Asks VIES about a number that would move the VAT to the buyer (well-formed, from another EU country than the
    /// seller's); other numbers change nothing and are not sent. Null when nothing was asked or checking is off.
    /// </summary>
    public static async Task<VatVerification?> CheckAsync(IVatNumberChecker checker, string? taxId, CancellationToken ct)
    {
        if (!IsReverseCharge(taxId) || VatNumberOf(taxId) is not { } vat) return null;
        return await checker.CheckAsync(vat, ct);
    }

    public static QuoteRequest Request(string country, string currency, string? taxId, string profileCode, int? quantity = null,
        VatVerification? check = null) =>
        new(country, currency, profileCode, KindFor(taxId), VatNumberFor(taxId, check), quantity);

    public static int BasisPoints(decimal rate) => (int)Math.Round(rate * 10_000m, MidpointRounding.AwayFromZero);
}
