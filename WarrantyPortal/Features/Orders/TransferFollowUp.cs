using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Orders;

/// <summary>
/// The reminder and expiry of one order waiting for a wire transfer. A row is made for each order in
/// "awaiting transfer"; the reminder and the expiry are each claimed by a conditional update, so with several
/// instances running each happens once.
/// </summary>
public sealed class TransferFollowUp
{
    public Guid OrderId { get; set; }

    /// <summary>When the customer was sent the bank details (the order started waiting for the transfer).</summary>
    public DateTime InstructedAtUtc { get; set; }

    public DateTime? ReminderSentAtUtc { get; set; }

    /// <summary>When the follow-up ended: the order expired, or was paid or cancelled meanwhile.</summary>
    public DateTime? ClosedAtUtc { get; set; }
}

public sealed class TransferFollowUpConfiguration : IEntityTypeConfiguration<TransferFollowUp>
{
    public void Configure(EntityTypeBuilder<TransferFollowUp> b)
    {
        b.ToTable("TransferFollowUps");
        b.HasKey(f => f.OrderId);
        b.Property(f => f.OrderId).ValueGeneratedNever();
        b.HasOne<Order>().WithMany().HasForeignKey(f => f.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.ClosedAtUtc, f.InstructedAtUtc });
    }
}
