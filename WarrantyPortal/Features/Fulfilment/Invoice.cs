using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WarrantyPortal.Features.Documents;

namespace WarrantyPortal.Features.Fulfilment;

public enum PaymentMethod
{
    Card = 0,
    BankTransfer = 1,
}

/// <summary>
/// A numbered tax document for an order: the invoice issued on payment, or the credit note issued on refund. The PDF is
/// drawn from the order and this row; the totals here are the order's, as charged.
/// </summary>
public sealed class Invoice
{
    public long Id { get; set; }

    /// <summary>e.g. <c>INV-2026-000001</c> or <c>CN-2026-000001</c>.</summary>
    public required string Number { get; set; }
    public InvoiceKind Kind { get; set; }
    public Guid OrderId { get; set; }
    public required string OrderNumber { get; set; }
    public DateOnly IssueDate { get; set; }
    public PaymentMethod PaymentMethod { get; set; }

    /// <summary>Paid on (invoice) or refunded on (credit note).</summary>
    public DateOnly PaymentDate { get; set; }
    public required string Currency { get; set; }
    public long NetMinor { get; set; }
    public long VatMinor { get; set; }
    public long TotalMinor { get; set; }

    /// <summary>Credit note: why the order was refunded.</summary>
    public string? Reason { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

public sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.ToTable("Invoices");
        b.HasKey(i => i.Id);
        b.Property(i => i.Number).HasMaxLength(20);
        b.HasIndex(i => i.Number).IsUnique();
        // One invoice and at most one credit note per order.
        b.HasIndex(i => new { i.OrderId, i.Kind }).IsUnique();
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.PaymentMethod).HasConversion<string>().HasMaxLength(16);
        b.Property(i => i.OrderNumber).HasMaxLength(32);
        b.Property(i => i.Currency).HasMaxLength(3);
        b.Property(i => i.Reason).HasMaxLength(500);
    }
}
