using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Orders;

/// <summary>
/// A link that opens one order's payment page without signing in (sent with the approval, or given by the guest order
/// lookup). Only a SHA-256 hash of its token is stored; the link works while the order can be paid.
/// </summary>
public sealed class OrderPaymentLink
{
    /// <summary>Lower-case hex SHA-256 of the token's text.</summary>
    public string TokenHash { get; set; } = "";

    public Guid OrderId { get; set; }

    /// <summary>Where the link was given: "approval" or "lookup".</summary>
    public string Purpose { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }
}

public sealed class OrderPaymentLinkConfiguration : IEntityTypeConfiguration<OrderPaymentLink>
{
    public void Configure(EntityTypeBuilder<OrderPaymentLink> b)
    {
        b.ToTable("OrderPaymentLinks");
        b.HasKey(l => l.TokenHash);
        b.Property(l => l.TokenHash).HasMaxLength(64);
        b.Property(l => l.Purpose).HasMaxLength(20).IsRequired();
        b.HasOne<Order>().WithMany().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(l => l.OrderId);
    }
}
