using WarrantyPortal.Domain;

namespace WarrantyPortal.Features.Documents;

public enum InvoiceKind
{
    /// <summary>Sent on approval so the customer can pay; not a tax invoice.</summary>
    Proforma,

    /// <summary>The tax invoice, issued on payment.</summary>
    Invoice,

    /// <summary>Cancels all or part of a paid invoice (refund); references the original invoice.</summary>
    CreditNote,
}

/// <summary>The seller as printed in an invoice's header and footer (see <see cref="SellerOptions"/>).</summary>
public sealed record InvoiceSeller(
    string LegalName,
    IReadOnlyList<string> Address,
    string VatNumber,
    string? RegistrationNumber = null,
    string? Email = null,
    string? Website = null,
    string? Iban = null,
    string? Bic = null);

/// <summary>The buyer; <paramref name="VatNumber"/> is required for business buyers under reverse charge.</summary>
public sealed record InvoiceBuyer(string Name, IReadOnlyList<string> Address, string? VatNumber = null);

/// <summary>One invoice line. Amounts are in the invoice's currency; VAT is rounded per line.</summary>
public sealed record InvoiceLine(string Description, int Quantity, Money UnitNet, decimal VatRate)
{
    public Money Net => UnitNet.Times(Quantity);

    public Money Vat => Net.Percent(VatRate);

    public Money Gross => Net + Vat;
}

/// <summary>How and when an invoice was paid (or a credit note refunded).</summary>
public sealed record InvoicePayment(string Method, DateOnly Date);

/// <summary>
/// Everything printed on a proforma, an invoice or a credit note. A credit note's lines hold the amounts credited
/// as positive values; the document prints them as negative amounts.
/// </summary>
/// <param name="Number">e.g. <c>INV-2026-000001</c>; for a proforma, the number it is known by (often the order number).</param>
/// <param name="Currency">ISO 4217 code; every line's amounts must be in it.</param>
/// <param name="Payment">Paid (invoice) or refunded (credit note); null on a proforma.</param>
/// <param name="DueDate">Proforma: pay by this date.</param>
/// <param name="ReverseCharge">Intra-EU B2B supply: no VAT charged, the buyer accounts for it (VAT Directive art. 196).</param>
/// <param name="OriginalInvoiceNumber">Credit note: the invoice it corrects.</param>
/// <param name="Culture">Language of the labels, dates and amounts ("en", "fr").</param>
public sealed record InvoiceDocument(
    InvoiceKind Kind,
    string Number,
    DateOnly IssueDate,
    InvoiceSeller Seller,
    InvoiceBuyer Buyer,
    string Currency,
    IReadOnlyList<InvoiceLine> Lines,
    string OrderNumber,
    InvoicePayment? Payment = null,
    DateOnly? DueDate = null,
    bool ReverseCharge = false,
    string? OriginalInvoiceNumber = null,
    DateOnly? OriginalInvoiceDate = null,
    string Culture = "en")
{
    /// <summary>Download name: <c>INV-2026-000001.pdf</c>, <c>Proforma-ORD-2026-004217.pdf</c>.</summary>
    public string FileName => DocumentFileName.For(Kind == InvoiceKind.Proforma ? $"Proforma-{Number}" : Number);

    /// <summary>Net and VAT added up per VAT rate, highest rate first.</summary>
    public IReadOnlyList<VatRateTotal> TotalsByRate() =>
        Lines.GroupBy(l => l.VatRate)
            .OrderByDescending(g => g.Key)
            .Select(g => new VatRateTotal(g.Key,
                g.Aggregate(Money.Zero(Currency), (sum, l) => sum + l.Net),
                g.Aggregate(Money.Zero(Currency), (sum, l) => sum + l.Vat)))
            .ToList();

    public Money TotalNet => Lines.Aggregate(Money.Zero(Currency), (sum, l) => sum + l.Net);

    public Money TotalVat => Lines.Aggregate(Money.Zero(Currency), (sum, l) => sum + l.Vat);

    public Money Total => TotalNet + TotalVat;

    /// <summary>Throws with a message that names what to fix when the document cannot be a valid invoice.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Number))
        {
            throw new ArgumentException("The invoice needs a number.");
        }
        if (string.IsNullOrWhiteSpace(Seller.LegalName) || string.IsNullOrWhiteSpace(Seller.VatNumber) || Seller.Address.Count == 0)
        {
            throw new ArgumentException("The seller's legal name, address and VAT number are required on an invoice: set them in the 'Seller' configuration section.");
        }
        if (string.IsNullOrWhiteSpace(Buyer.Name) || Buyer.Address.Count == 0)
        {
            throw new ArgumentException("The buyer's name and address are required on an invoice.");
        }
        if (Lines.Count == 0)
        {
            throw new ArgumentException($"Invoice {Number} has no lines.");
        }
        var foreign = Lines.FirstOrDefault(l => !string.Equals(l.UnitNet.Currency, Currency, StringComparison.OrdinalIgnoreCase));
        if (foreign is not null)
        {
            throw new ArgumentException($"Line '{foreign.Description}' is in {foreign.UnitNet.Currency} but the invoice is in {Currency}.");
        }
        if (Lines.Any(l => l.Quantity <= 0 || l.VatRate < 0 || l.VatRate >= 1))
        {
            throw new ArgumentException("Each line needs a positive quantity and a VAT rate between 0 and 1 (0.21 for 21 %).");
        }
        if (ReverseCharge && string.IsNullOrWhiteSpace(Buyer.VatNumber))
        {
            throw new ArgumentException("Reverse charge applies only to a buyer with a VAT number: add the buyer's VAT number.");
        }
        if (ReverseCharge && Lines.Any(l => l.VatRate != 0))
        {
            throw new ArgumentException("Under reverse charge no VAT is charged: every line's VAT rate must be 0.");
        }
        if (Kind == InvoiceKind.CreditNote && string.IsNullOrWhiteSpace(OriginalInvoiceNumber))
        {
            throw new ArgumentException("A credit note must name the invoice it corrects (OriginalInvoiceNumber).");
        }
    }
}

public sealed record VatRateTotal(decimal Rate, Money Net, Money Vat);
