using System.Globalization;
using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Documents;
using WarrantyPortal.Features.Fulfilment;

namespace WarrantyPortal.Tests.Features.Fulfilment;

public sealed class OrderDocumentsTests : IDisposable
{
    private readonly FulfilmentHarness _h = new();
    private static readonly System.Security.Claims.ClaimsPrincipal AliceUser = FulfilmentHarness.Principal(FulfilmentHarness.Alice);
    private static readonly System.Security.Claims.ClaimsPrincipal BobUser = FulfilmentHarness.Principal(FulfilmentHarness.Bob);
    private static readonly System.Security.Claims.ClaimsPrincipal Admin = FulfilmentHarness.Principal(FulfilmentHarness.AdminId, admin: true);

    private static string Text(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Join("\n", doc.GetPages().Select(p => p.Text));
    }

    [Fact]
    public async Task CertificateAsync_Owner_PdfCarriesTheIssuedFields()
    {
        var order = await _h.PaidOrderAsync(1);
        await _h.Service.RunOnceAsync();

        var pdf = await _h.Documents.CertificateAsync(AliceUser, order.Number!, "WC-2026-000001");

        var text = Text(pdf!);
        Assert.Contains("WC-2026-000001", text);
        Assert.Contains(order.Lines[0].SerialNumber, text);
        Assert.Contains("DS3-H", text);
        Assert.Contains("Alice Buyer", text);
        Assert.Contains(order.Number!, text);
        Assert.Contains("2045", text);
    }

    [Fact]
    public async Task Downloads_OtherCustomer_GetsNothingButOwnerAndAdminDo()
    {
        var order = await _h.PaidOrderAsync(2);
        await _h.Service.RunOnceAsync();
        var n = order.Number!;

        Assert.Null(await _h.Documents.CertificateAsync(BobUser, n, "WC-2026-000001"));
        Assert.Null(await _h.Documents.InvoiceAsync(BobUser, n, InvoiceKind.Invoice));
        Assert.Null(await _h.Documents.InvoiceAsync(BobUser, n, InvoiceKind.Proforma));
        Assert.Null(await _h.Documents.ListAsync(BobUser, n));
        Assert.False(await _h.Documents.WriteCertificatesZipAsync(BobUser, n, new MemoryStream(), () => { }));
        Assert.NotNull(await _h.Documents.CertificateAsync(Admin, n, "WC-2026-000001"));
        Assert.NotNull(await _h.Documents.InvoiceAsync(Admin, n, InvoiceKind.Invoice));
        Assert.NotNull(await _h.Documents.InvoiceAsync(AliceUser, n, InvoiceKind.Invoice));
    }

    [Fact]
    public async Task WriteCertificatesZipAsync_Owner_OneReadablePdfPerDevice()
    {
        var order = await _h.PaidOrderAsync(3);
        await _h.Service.RunOnceAsync();
        using var buffer = new MemoryStream();

        Assert.True(await _h.Documents.WriteCertificatesZipAsync(AliceUser, order.Number!, buffer, () => { }));

        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        Assert.Equal(3, zip.Entries.Count);
        using var entry = new MemoryStream();
        await using (var s = await zip.Entries[2].OpenAsync()) await s.CopyToAsync(entry);
        Assert.Contains("WC-2026-000003", Text(entry.ToArray()));
    }

    [Fact]
    public async Task InvoiceAsync_PricesThatRoundPerLine_PrintedTotalEqualsOrderTotal()
    {
        // 99.99 at 20 % is 19.998 per line: rounding each line would add 0.2 cent per device.
        var order = await _h.PaidOrderAsync(7, unitPriceMinor: 99_99);
        await _h.Service.RunOnceAsync();
        await using var db = _h.Db.CreateDbContext();
        var saved = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync();

        var document = await _h.Documents.DocumentAsync(db, saved, InvoiceKind.Invoice, "en", default);

        Assert.Equal(saved.TotalMinor, document!.Total.Minor);
        Assert.Equal(saved.VatMinor, document.TotalVat.Minor);
        var text = Text((await _h.Documents.InvoiceAsync(AliceUser, order.Number!, InvoiceKind.Invoice))!);
        Assert.Contains("INV-2026-000001", text);
        Assert.Contains(new Money(saved.TotalMinor, "EUR").Format(CultureInfo.GetCultureInfo("en")), text);
        Assert.Contains("Card", text);
    }

    [Fact]
    public async Task InvoiceAsync_ReverseChargeByTransfer_SaysSoAndChargesNoVat()
    {
        var order = await _h.PaidOrderAsync(2, reverseCharge: true, byTransfer: true);
        await _h.Service.RunOnceAsync();

        var text = Text((await _h.Documents.InvoiceAsync(AliceUser, order.Number!, InvoiceKind.Invoice))!);

        Assert.Contains("Reverse charge", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Bank transfer", text);
        Assert.Contains("DE123456789", text);
    }

    [Fact]
    public async Task InvoiceAsync_ProformaBeforeAndAfterApproval_OnlyOnceApproved()
    {
        var approved = await _h.ApprovedOrderAsync(2);

        var proforma = await _h.Documents.InvoiceAsync(AliceUser, approved.Number!, InvoiceKind.Proforma);
        var invoice = await _h.Documents.InvoiceAsync(AliceUser, approved.Number!, InvoiceKind.Invoice);

        Assert.Contains(approved.Number!, Text(proforma!));
        Assert.Null(invoice);
        var list = await _h.Documents.ListAsync(AliceUser, approved.Number!);
        Assert.True(list!.ProformaAvailable);
        Assert.Null(list.InvoiceNumber);
    }

    [Fact]
    public async Task IssueCreditNoteAsync_RefundedOrder_NumbersNoteRevokesCertificatesOnce()
    {
        var order = await _h.PaidOrderAsync(2);
        await _h.Service.RunOnceAsync();
        Assert.Equal(VerificationState.Valid, (await _h.Verification.CheckAsync("wc-2026-000001")).State);

        var first = await _h.Invoices.IssueCreditNoteAsync(order.Number!, "Refunded at the customer's request");
        var again = await _h.Invoices.IssueCreditNoteAsync(order.Number!, "Refunded twice?");

        Assert.Equal(new CreditNoteResult(CreditNoteOutcome.Issued, "CN-2026-000001"), first);
        Assert.Equal(new CreditNoteResult(CreditNoteOutcome.AlreadyIssued, "CN-2026-000001"), again);
        var text = Text((await _h.Documents.InvoiceAsync(AliceUser, order.Number!, InvoiceKind.CreditNote))!);
        Assert.Contains("CN-2026-000001", text);
        Assert.Contains("INV-2026-000001", text);
        Assert.Equal(VerificationState.Revoked, (await _h.Verification.CheckAsync("WC-2026-000001")).State);
    }

    [Fact]
    public async Task IssueCreditNoteAsync_UnpaidOrder_NotInvoiced()
    {
        var approved = await _h.ApprovedOrderAsync(1);

        var result = await _h.Invoices.IssueCreditNoteAsync(approved.Number!, "Refund");

        Assert.Equal(CreditNoteOutcome.NotInvoiced, result.Outcome);
    }

    [Fact]
    public async Task CheckAsync_UnknownOrExpired_SaysSoWithoutPersonalData()
    {
        await _h.PaidOrderAsync(1);
        await _h.Service.RunOnceAsync();

        Assert.Equal(VerificationState.Unknown, (await _h.Verification.CheckAsync("WC-2026-999999")).State);
        var valid = await _h.Verification.CheckAsync("WC-2026-000001");
        Assert.Equal("DS3-H", valid.Model);
        Assert.DoesNotContain("Alice", valid.ToString());
        _h.Clock.Set(new DateTimeOffset(2045, 3, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(VerificationState.Expired, (await _h.Verification.CheckAsync("WC-2026-000001")).State);
    }

    public void Dispose() => _h.Dispose();
}
