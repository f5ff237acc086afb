using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Features.Orders;

/// <summary>
/// The quick-purchase form as the buyer left it, kept on the server so it survives a reload, a dropped
/// connection or signing in. Owned by a user, or by an anonymous draft id (a cookie) before sign-in.
/// </summary>
public sealed class PurchaseDraft
{
    public Guid Id { get; set; }
    public string? OwnerUserId { get; set; }
    public string? AnonymousId { get; set; }

    /// <summary><see cref="PurchaseDraftContent"/> as JSON.</summary>
    public string ContentJson { get; set; } = "{}";
    public DateTime UpdatedAtUtc { get; set; }
}

public sealed class PurchaseDraftConfiguration : IEntityTypeConfiguration<PurchaseDraft>
{
    public void Configure(EntityTypeBuilder<PurchaseDraft> b)
    {
        b.ToTable("PurchaseDrafts");
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.OwnerUserId).HasMaxLength(450);
        b.Property(d => d.AnonymousId).HasMaxLength(64);
        b.HasIndex(d => d.OwnerUserId).IsUnique();
        b.HasIndex(d => d.AnonymousId).IsUnique();
        b.HasIndex(d => d.UpdatedAtUtc);
    }
}
