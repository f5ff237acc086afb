using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Features.Admin.Orders;

/// <summary>A note administrators leave on an order for each other; the customer never sees it.</summary>
public sealed class OrderRemark
{
    public long Id { get; set; }
    public Guid OrderId { get; set; }
    public required string Text { get; set; }
    public required string AuthorName { get; set; }
    public string? AuthorUserId { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>A bank transfer received for an order, as the administrator read it on the bank statement.</summary>
public sealed class WireTransfer
{
    public long Id { get; set; }
    public Guid OrderId { get; set; }
    public long AmountMinor { get; set; }
    public required string Currency { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public required string BankReference { get; set; }

    /// <summary>Amount or currency differ from the order's total: recorded, the order not marked paid.</summary>
    public bool Mismatch { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

public sealed class OrderRemarkConfiguration : IEntityTypeConfiguration<OrderRemark>
{
    public void Configure(EntityTypeBuilder<OrderRemark> b)
    {
        b.ToTable("OrderRemarks");
        b.Property(r => r.Text).HasMaxLength(2000);
        b.Property(r => r.AuthorName).HasMaxLength(200);
        b.Property(r => r.AuthorUserId).HasMaxLength(450);
        b.HasOne<Domain.Orders.Order>().WithMany().HasForeignKey(r => r.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.OrderId, r.AtUtc });
    }
}

public sealed class WireTransferConfiguration : IEntityTypeConfiguration<WireTransfer>
{
    public void Configure(EntityTypeBuilder<WireTransfer> b)
    {
        b.ToTable("WireTransfers");
        b.Property(w => w.Currency).HasMaxLength(3);
        b.Property(w => w.BankReference).HasMaxLength(100);
        b.Property(w => w.RecordedBy).HasMaxLength(200);
        b.HasOne<Domain.Orders.Order>().WithMany().HasForeignKey(w => w.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(w => w.OrderId);
    }
}
