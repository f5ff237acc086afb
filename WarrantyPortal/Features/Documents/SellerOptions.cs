namespace WarrantyPortal.Features.Documents;

/// <summary>The selling company as invoices must name it (configuration section <c>Seller</c>).</summary>
public sealed class SellerOptions
{
    public const string Section = "Seller";

    public string LegalName { get; set; } = "";

    /// <summary>Address lines in print order, e.g. street, postcode and city, country.</summary>
    public List<string> Address { get; set; } = [];

    public string VatNumber { get; set; } = "";

    /// <summary>Company registration (e.g. RCS, HRB, KvK number), printed in the footer.</summary>
    public string? RegistrationNumber { get; set; }

    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Iban { get; set; }
    public string? Bic { get; set; }

    public InvoiceSeller ToSeller() =>
        new(LegalName, Address, VatNumber, RegistrationNumber, Email, Website, Iban, Bic);
}
