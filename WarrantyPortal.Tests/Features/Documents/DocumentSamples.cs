using WarrantyPortal.Domain;
using WarrantyPortal.Features.Documents;

namespace WarrantyPortal.Tests.Features.Documents;

/// <summary>Realistic documents for the renderer tests, and the assets loaded once for all of them.</summary>
internal static class DocumentSamples
{
    private static readonly Lazy<DocumentAssets> LazyAssets = new(() => DocumentAssets.Load());

    public static DocumentAssets Assets => LazyAssets.Value;

    /// <summary>Keeps a rendered document in the temp folder's warrantyportal-documents/ for a person to look at.</summary>
    public static byte[] Keep(byte[] pdf, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "warrantyportal-documents"));
        File.WriteAllBytes(Path.Combine(folder.FullName, $"{name}.pdf"), pdf);
        return pdf;
    }

    public static CertificateDocument Certificate(string holder = "Marie Dupont", IReadOnlyList<string>? address = null, string culture = "en") => new(
        CertificateNumber: "WC-2026-000123",
        HolderName: holder,
        InstallationAddress: address ?? ["12 rue des Tilleuls", "69003 Lyon", "France"],
        SerialNumber: "SN7K2026A00451",
        Model: "SolarEdge SE5000H-RW000BNN4",
        BaseWarrantyStart: new DateOnly(2024, 3, 15),
        BaseWarrantyEnd: new DateOnly(2036, 3, 14),
        NewWarrantyEnd: new DateOnly(2044, 3, 14),
        PlanName: "Extension to 20 years",
        OrderNumber: "ORD-2026-004217",
        IssueDate: new DateOnly(2026, 11, 23),
        PublicBaseUrl: "https://warranty.example.com",
        Culture: culture);

    public static readonly InvoiceSeller Seller = new(
        "Helio Warranty Services SAS",
        ["8 avenue de la République", "75011 Paris", "France"],
        "FR12345678901",
        RegistrationNumber: "RCS Paris 123 456 789",
        Email: "billing@warranty.example.com",
        Website: "warranty.example.com",
        Iban: "FR76 3000 6000 0112 3456 7890 189",
        Bic: "AGRIFRPP");

    public static InvoiceDocument Invoice(InvoiceKind kind = InvoiceKind.Invoice, bool reverseCharge = false, int lineCount = 2, string culture = "en")
    {
        var rate = reverseCharge ? 0m : 0.20m;
        var lines = Enumerable.Range(1, lineCount)
            .Select(i => i == 1
                ? new InvoiceLine("Extension to 20 years – SolarEdge SE5000H, serial SN7K2026A00451", 1, new Money(34900, "EUR"), rate)
                : new InvoiceLine($"Extension to 15 years – Fronius Primo 4.0, serial FR{i:D6}", 2, new Money(18950, "EUR"), reverseCharge ? 0m : 0.055m))
            .ToList();
        return new InvoiceDocument(
            kind,
            kind switch { InvoiceKind.Proforma => "ORD-2026-004217", InvoiceKind.CreditNote => "CN-2026-000004", _ => "INV-2026-000001" },
            new DateOnly(2026, 11, 23),
            Seller,
            reverseCharge
                ? new InvoiceBuyer("Sonnenstrom Installationen GmbH", ["Hauptstraße 5", "80331 München", "Germany"], "DE129273398")
                : new InvoiceBuyer("Marie Dupont", ["12 rue des Tilleuls", "69003 Lyon", "France"]),
            "EUR",
            lines,
            "ORD-2026-004217",
            Payment: kind == InvoiceKind.Proforma ? null : new InvoicePayment("card (Visa •••• 4242)", new DateOnly(2026, 11, 22)),
            DueDate: kind == InvoiceKind.Proforma ? new DateOnly(2026, 12, 7) : null,
            ReverseCharge: reverseCharge,
            OriginalInvoiceNumber: kind == InvoiceKind.CreditNote ? "INV-2026-000001" : null,
            OriginalInvoiceDate: kind == InvoiceKind.CreditNote ? new DateOnly(2026, 11, 22) : null,
            Culture: culture);
    }
}
