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

/// <summary>Section <c>Fulfilment</c>.</summary>
public sealed class FulfilmentOptions
{
    public const string Section = "Fulfilment";

    /// <summary>
    /// How long an instance's claim on an order lasts without renewal (it renews between batches). When an instance stops
    /// in the middle of an order, another takes the order over once the lease has run out.
    /// </summary>
    public int LeaseSeconds { get; set; } = 300;
}
