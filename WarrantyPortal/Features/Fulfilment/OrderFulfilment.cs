using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Features.Fulfilment;

/// <summary>
/// The work of fulfilling one paid order (invoice, certificates, registry, completion), claimed by one worker at a time
/// with a conditional update and a lease, so a crashed worker's order is picked up again when the lease runs out.
/// </summary>
public sealed class OrderFulfilment
{
    public Guid OrderId { get; set; }
    public string OrderNumber { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }
}

public sealed class OrderFulfilmentConfiguration : IEntityTypeConfiguration<OrderFulfilment>
{
    public void Configure(EntityTypeBuilder<OrderFulfilment> b)
    {
        b.ToTable("OrderFulfilments");
        b.HasKey(f => f.OrderId);
        b.Property(f => f.OrderNumber).HasMaxLength(32);
        b.Property(f => f.ClaimedBy).HasMaxLength(200);
        b.Property(f => f.LastError).HasMaxLength(500);
        b.HasIndex(f => f.CompletedAtUtc);
    }
}
