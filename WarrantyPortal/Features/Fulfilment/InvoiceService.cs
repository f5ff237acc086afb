using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Documents;

namespace WarrantyPortal.Features.Fulfilment;

public enum CreditNoteOutcome
{
    Issued,
    AlreadyIssued,
    OrderNotFound,
    NotInvoiced,
}

public sealed record CreditNoteResult(CreditNoteOutcome Outcome, string? Number);

/// <summary>Invoice-side commands for other features (the payment provider's refund handling, the back office).</summary>
public sealed class InvoiceService(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Issues the credit note for a refunded order (the whole invoice), numbered <c>CN-{year}-{000001}</c> in its own
    /// gap-free sequence, and revokes the order's certificates. Calling it again returns the note already issued.
    /// </summary>
    public async Task<CreditNoteResult> IssueCreditNoteAsync(string orderNumber, string reason, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using (var check = await dbFactory.CreateDbContextAsync(ct))
        {
            var orderId = await check.Orders.Where(o => o.Number == orderNumber).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(ct);
            if (orderId is null) return new(CreditNoteOutcome.OrderNotFound, null);
            var existing = await check.Invoices.Where(i => i.OrderId == orderId && i.Kind == InvoiceKind.CreditNote).Select(i => i.Number).FirstOrDefaultAsync(ct);
            if (existing is not null) return new(CreditNoteOutcome.AlreadyIssued, existing);
            if (!await check.Invoices.AnyAsync(i => i.OrderId == orderId && i.Kind == InvoiceKind.Invoice, ct)) return new(CreditNoteOutcome.NotInvoiced, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await DocumentNumbers.EnsureAsync(dbFactory, DocumentNumbers.CreditNote, now.Year, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = (await DocumentNumbers.NextAsync(db, DocumentNumbers.CreditNote, now.Year, 1, ct))[0];
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Number == orderNumber, ct);
        var invoice = await db.Invoices.AsNoTracking().SingleAsync(i => i.OrderId == order.Id && i.Kind == InvoiceKind.Invoice, ct);
        db.Invoices.Add(new Invoice
        {
            Number = number,
            Kind = InvoiceKind.CreditNote,
            OrderId = order.Id,
            OrderNumber = orderNumber,
            IssueDate = DateOnly.FromDateTime(now),
            PaymentMethod = invoice.PaymentMethod,
            PaymentDate = DateOnly.FromDateTime(now),
            Currency = invoice.Currency,
            NetMinor = invoice.NetMinor,
            VatMinor = invoice.VatMinor,
            TotalMinor = invoice.TotalMinor,
            Reason = reason.Trim().Length > 500 ? reason.Trim()[..500] : reason.Trim(),
            CreatedAtUtc = now,
        });
        await db.Certificates.Where(c => c.OrderId == order.Id && c.Status == CertificateStatus.Valid)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CertificateStatus.Revoked).SetProperty(c => c.RevokedAtUtc, now), ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A parallel refund issued it first; this transaction gives its number back.
            await tx.RollbackAsync(CancellationToken.None);
            await using var again = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var issued = await again.Invoices.Where(i => i.OrderId == order.Id && i.Kind == InvoiceKind.CreditNote).Select(i => i.Number).SingleAsync(CancellationToken.None);
            return new(CreditNoteOutcome.AlreadyIssued, issued);
        }
        return new(CreditNoteOutcome.Issued, number);
    }
}
