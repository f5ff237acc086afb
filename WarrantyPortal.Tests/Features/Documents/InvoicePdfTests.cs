using UglyToad.PdfPig;
using WarrantyPortal.Domain;
using WarrantyPortal.Features.Documents;

namespace WarrantyPortal.Tests.Features.Documents;

public class InvoicePdfTests
{
    private readonly InvoicePdf _renderer = new(DocumentSamples.Assets);

    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => p.Text)).Replace('\u202f', ' ').Replace('\u00a0', ' ');
    }

    private byte[] RenderAndKeep(InvoiceDocument invoice, string name) => DocumentSamples.Keep(_renderer.Render(invoice), name);

    [Fact]
    public void Render_FinalInvoice_PrintsWhatAnEuInvoiceMustCarry()
    {
        var text = TextOf(RenderAndKeep(DocumentSamples.Invoice(), "invoice-sample"));

        foreach (var expected in new[]
                 {
                     "INVOICE", "INV-2026-000001", "23 November 2026", "ORD-2026-004217",
                     "Helio Warranty Services SAS", "8 avenue de la République", "75011 Paris", "FR12345678901",
                     "Marie Dupont", "12 rue des Tilleuls", "69003 Lyon",
                     "€349.00", "20%", "€69.80",              // line 1: net, rate, VAT
                     "€379.00", "5.5%", "€20.85",             // line 2: 2 × 189.50 net, 5.5 % VAT
                     "€728.00", "€90.65", "€818.65",           // totals: net, VAT, grand total
                     "Total (EUR)", "Paid by card (Visa •••• 4242) on 22 November 2026.",
                 })
        {
            Assert.Contains(expected, text);
        }
        Assert.DoesNotContain("Reverse charge", text);
        Assert.DoesNotContain("not a tax invoice", text);
    }

    [Fact]
    public void Render_FinalInvoice_TotalsEachVatRateSeparately()
    {
        var invoice = DocumentSamples.Invoice();

        var totals = invoice.TotalsByRate();

        Assert.Equal([0.20m, 0.055m], totals.Select(t => t.Rate));
        Assert.Equal(new Money(34900, "EUR"), totals[0].Net);
        Assert.Equal(new Money(6980, "EUR"), totals[0].Vat);
        Assert.Equal(new Money(37900, "EUR"), totals[1].Net);
        Assert.Equal(new Money(2085, "EUR"), totals[1].Vat);
        Assert.Equal(new Money(81865, "EUR"), invoice.Total);
    }

    [Fact]
    public void Render_Proforma_SaysItIsNotATaxInvoice()
    {
        var text = TextOf(RenderAndKeep(DocumentSamples.Invoice(InvoiceKind.Proforma), "proforma-sample"));

        Assert.Contains("PROFORMA INVOICE", text);
        Assert.Contains("not a tax invoice", text);
        Assert.Contains("Amount to pay (EUR)", text);
        Assert.Contains("Please pay by 7 December 2026, quoting order ORD-2026-004217.", text);
        Assert.Contains("FR76 3000 6000 0112 3456 7890 189", text);
    }

    [Fact]
    public void Render_CreditNote_ReferencesTheOriginalInvoiceAndShowsNegativeAmounts()
    {
        var text = TextOf(RenderAndKeep(DocumentSamples.Invoice(InvoiceKind.CreditNote), "credit-note-sample"));

        Assert.Contains("CREDIT NOTE", text);
        Assert.Contains("CN-2026-000004", text);
        Assert.Contains("This credit note corrects invoice INV-2026-000001 of 22 November 2026.", text);
        Assert.Contains("-€818.65", text);
        Assert.Contains("Total credited (EUR)", text);
        Assert.Contains("Refunded by", text);
    }

    [Fact]
    public void Render_ReverseCharge_PrintsArticle196WordingAndBuyerVatNumber()
    {
        var text = TextOf(RenderAndKeep(DocumentSamples.Invoice(reverseCharge: true), "reverse-charge-sample"));

        Assert.Contains("Reverse charge", text);
        Assert.Contains("Article 196", text);
        Assert.Contains("DE129273398", text);
        Assert.Contains("0%", text);
    }

    [Fact]
    public void Render_French_UsesFrenchLabelsDatesAndAmounts()
    {
        var text = TextOf(RenderAndKeep(DocumentSamples.Invoice(culture: "fr"), "invoice-french-sample"));

        Assert.Contains("FACTURE", text);
        Assert.Contains("23 novembre 2026", text);
        Assert.Contains("818,65 €", text);
        Assert.Contains("5,5 %", text);
        Assert.Contains("Total TTC (EUR)", text);
    }

    [Fact]
    public void Render_HundredsOfLines_ContinuesOnNumberedPages()
    {
        var invoice = DocumentSamples.Invoice(lineCount: 120);

        var pdf = RenderAndKeep(invoice, "invoice-long-sample");

        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages > 2);
        var last = document.GetPage(document.NumberOfPages).Text;
        Assert.Contains($"Page {document.NumberOfPages} of {document.NumberOfPages}", last);
        Assert.Contains(invoice.Total.Format(System.Globalization.CultureInfo.GetCultureInfo("en")), last);
        var all = TextOf(pdf);
        Assert.Contains("FR000120", all);
        Assert.Equal(119, System.Text.RegularExpressions.Regex.Matches(all, "Fronius Primo").Count);
    }

    [Theory]
    [InlineData(InvoiceKind.Invoice, "INV-2026-000001.pdf")]
    [InlineData(InvoiceKind.Proforma, "Proforma-ORD-2026-004217.pdf")]
    [InlineData(InvoiceKind.CreditNote, "CN-2026-000004.pdf")]
    public void FileName_EachKind_NamesTheDownload(InvoiceKind kind, string expected)
    {
        Assert.Equal(expected, DocumentSamples.Invoice(kind).FileName);
    }

    [Fact]
    public void Render_ReverseChargeWithoutBuyerVatNumber_SaysWhatToFix()
    {
        var invoice = DocumentSamples.Invoice(reverseCharge: true) with
        {
            Buyer = new InvoiceBuyer("Sonnenstrom Installationen GmbH", ["Hauptstraße 5", "80331 München"]),
        };

        var error = Assert.Throws<ArgumentException>(() => _renderer.Render(invoice));

        Assert.Contains("buyer's VAT number", error.Message);
    }

    [Fact]
    public void Render_SellerNotConfigured_NamesTheConfigurationSection()
    {
        var invoice = DocumentSamples.Invoice() with { Seller = new SellerOptions().ToSeller() };

        var error = Assert.Throws<ArgumentException>(() => _renderer.Render(invoice));

        Assert.Contains("'Seller' configuration section", error.Message);
    }

    [Fact]
    public void Render_LineInAnotherCurrency_IsRefused()
    {
        var invoice = DocumentSamples.Invoice() with
        {
            Lines = [new InvoiceLine("Extension", 1, new Money(1000, "USD"), 0.2m)],
        };

        var error = Assert.Throws<ArgumentException>(() => _renderer.Render(invoice));

        Assert.Contains("USD", error.Message);
    }
}
