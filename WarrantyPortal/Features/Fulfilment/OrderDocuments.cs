using System.Globalization;
using System.IO.Compression;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Documents;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Fulfilment;

/// <summary>What a user may download for one order; null fields mean "not (yet) available".</summary>
public sealed record OrderDocumentList(
    string OrderNumber,
    bool ProformaAvailable,
    string? InvoiceNumber,
    string? CreditNoteNumber,
    IReadOnlyList<CertificateLink> Certificates,
    bool CertificatesPending);

/// <summary>
/// The order's documents for its owner and administrators: anyone else is told the order does not exist. Certificates
/// and invoices are drawn on demand from their rows and the order.
/// </summary>
public sealed class OrderDocuments(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    CertificatePdf certificatePdf,
    InvoicePdf invoicePdf,
    IOptions<SellerOptions> seller,
    IOptions<PortalOptions> portal,
    Microsoft.Extensions.Localization.IStringLocalizer<FulfilmentText> t)
{
    private static readonly OrderStatus[] ProformaStatuses = [OrderStatus.Approved, OrderStatus.AwaitingTransfer, OrderStatus.Paid, OrderStatus.Completed];

    public static bool MayAccess(ClaimsPrincipal user, string customerUserId) =>
        user.Identity?.IsAuthenticated == true
        && (user.IsInRole(Roles.Admin) || user.FindFirstValue(ClaimTypes.NameIdentifier) == customerUserId);

    public async Task<OrderDocumentList?> ListAsync(ClaimsPrincipal user, string orderNumber, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().Where(o => o.Number == orderNumber)
            .Select(o => new { o.Id, o.CustomerUserId, o.Status }).SingleOrDefaultAsync(ct);
        if (order is null || !MayAccess(user, order.CustomerUserId)) return null;
        var invoices = await db.Invoices.AsNoTracking().Where(i => i.OrderId == order.Id).Select(i => new { i.Kind, i.Number }).ToListAsync(ct);
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.OrderId == order.Id).OrderBy(c => c.Id)
            .Select(c => new CertificateLink(c.Number, c.SerialNumber)).ToListAsync(ct);
        return new OrderDocumentList(orderNumber, ProformaStatuses.Contains(order.Status),
            invoices.FirstOrDefault(i => i.Kind == InvoiceKind.Invoice)?.Number,
            invoices.FirstOrDefault(i => i.Kind == InvoiceKind.CreditNote)?.Number,
            certificates, order.Status == OrderStatus.Paid);
    }

    /// <summary>The certificate's download address when <paramref name="user"/> may download it, otherwise null.</summary>
    public async Task<string?> CertificateUrlAsync(ClaimsPrincipal user, string certificateNumber, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (from c in db.Certificates
                           join o in db.Orders on c.OrderId equals o.Id
                           where c.Number == certificateNumber
                           select new { o.CustomerUserId, c.OrderNumber }).SingleOrDefaultAsync(ct);
        return found is not null && MayAccess(user, found.CustomerUserId)
            ? $"/orders/{Uri.EscapeDataString(found.OrderNumber)}/certificates/{Uri.EscapeDataString(certificateNumber)}.pdf"
            : null;
    }

    public async Task<byte[]?> CertificateAsync(ClaimsPrincipal user, string orderNumber, string certificateNumber, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await OwnerAsync(db, orderNumber, ct);
        if (owner is null || !MayAccess(user, owner)) return null;
        var row = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Number == certificateNumber && c.OrderNumber == orderNumber, ct);
        return row is null ? null : certificatePdf.Render(ToDocument(row, Culture));
    }

    /// <summary>Writes every certificate of the order into a ZIP on <paramref name="output"/>, one entry at a time. False when not allowed.</summary>
    public async Task<bool> WriteCertificatesZipAsync(ClaimsPrincipal user, string orderNumber, Stream output, Action beforeFirstWrite, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var owner = await OwnerAsync(db, orderNumber, ct);
        if (owner is null || !MayAccess(user, owner)) return false;
        var ids = await db.Certificates.AsNoTracking().Where(c => c.OrderNumber == orderNumber).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        if (ids.Count == 0) return false;
        beforeFirstWrite();
        var culture = Culture;
        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var chunk in ids.Chunk(100))
        {
            var rows = await db.Certificates.AsNoTracking().Where(c => chunk.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(ct);
            foreach (var row in rows)
            {
                var pdf = certificatePdf.Render(ToDocument(row, culture));
                // PDFs are already compressed: storing them keeps the server's work to drawing the certificates.
                var entry = zip.CreateEntry($"{row.Number}_{row.SerialNumber}.pdf", CompressionLevel.NoCompression);
                await using var entryStream = await entry.OpenAsync(ct);
                await entryStream.WriteAsync(pdf, ct);
            }
        }
        return true;
    }

    public async Task<byte[]?> InvoiceAsync(ClaimsPrincipal user, string orderNumber, InvoiceKind kind, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Number == orderNumber, ct);
        if (order is null || !MayAccess(user, order.CustomerUserId)) return null;
        var document = await DocumentAsync(db, order, kind, Culture, ct);
        return document is null ? null : invoicePdf.Render(document);
    }

    /// <summary>The printable invoice, proforma or credit note of an order; null when the order has none of that kind yet.</summary>
    public async Task<InvoiceDocument?> DocumentAsync(ApplicationDbContext db, Order order, InvoiceKind kind, string culture, CancellationToken ct)
    {
        var lines = InvoiceRows.Lines(order);
        var buyer = InvoiceRows.Buyer(order);
        var sellerInfo = seller.Value.ToSeller();
        if (kind == InvoiceKind.Proforma)
        {
            if (!ProformaStatuses.Contains(order.Status)) return null;
            var issued = DateOnly.FromDateTime(order.AuditedAtUtc ?? order.SubmittedAtUtc ?? order.CreatedAtUtc);
            return new InvoiceDocument(InvoiceKind.Proforma, order.Number!, issued, sellerInfo, buyer, order.Currency, lines, order.Number!,
                ReverseCharge: order.ReverseCharge, Culture: culture);
        }
        var rows = await db.Invoices.AsNoTracking().Where(i => i.OrderId == order.Id).ToListAsync(ct);
        var invoice = rows.FirstOrDefault(i => i.Kind == InvoiceKind.Invoice);
        var row = rows.FirstOrDefault(i => i.Kind == kind);
        if (row is null || invoice is null) return null;
        return new InvoiceDocument(kind, row.Number, row.IssueDate, sellerInfo, buyer, order.Currency, lines, order.Number!,
            new InvoicePayment(PaymentMethodName(row.PaymentMethod, culture), row.PaymentDate),
            ReverseCharge: order.ReverseCharge,
            OriginalInvoiceNumber: kind == InvoiceKind.CreditNote ? invoice.Number : null,
            OriginalInvoiceDate: kind == InvoiceKind.CreditNote ? invoice.IssueDate : null,
            Culture: culture);
    }

    public CertificateDocument ToDocument(Certificate row, string culture) => new(
        row.Number, row.HolderName, row.InstallationAddress.Split('\n'), row.SerialNumber, row.Model,
        row.BaseWarrantyStart, row.BaseWarrantyEnd, row.NewWarrantyEnd, row.PlanName, row.OrderNumber, row.IssueDate,
        portal.Value.PublicBaseUrl, culture);

    private static string Culture => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? "fr" : "en";

    private string PaymentMethodName(PaymentMethod method, string culture)
    {
        using var _ = Notifications.CultureScope.Use(culture);
        return t[$"Payment_{method}"];
    }

    private static Task<string?> OwnerAsync(ApplicationDbContext db, string orderNumber, CancellationToken ct) =>
        db.Orders.AsNoTracking().Where(o => o.Number == orderNumber).Select(o => o.CustomerUserId).SingleOrDefaultAsync(ct);
}
