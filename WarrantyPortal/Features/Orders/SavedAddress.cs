using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Orders;

/// <summary>A billing or installation address a user keeps for their next orders.</summary>
public sealed class SavedAddress
{
    public int Id { get; set; }
    public string OwnerUserId { get; set; } = "";

    /// <summary>The user's own name for it ("Warehouse Lyon").</summary>
    public string Label { get; set; } = "";
    public string Line1 { get; set; } = "";
    public string? Line2 { get; set; }
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string Country { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }

    public PostalAddress ToPostalAddress() => new() { Line1 = Line1, Line2 = Line2, PostalCode = PostalCode, City = City, Country = Country };
}

public sealed class SavedAddressConfiguration : IEntityTypeConfiguration<SavedAddress>
{
    public void Configure(EntityTypeBuilder<SavedAddress> b)
    {
        b.ToTable("SavedAddresses");
        b.Property(a => a.OwnerUserId).HasMaxLength(450).IsRequired();
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.OwnerUserId);
        b.Property(a => a.Label).HasMaxLength(100).IsRequired();
        b.Property(a => a.Line1).HasMaxLength(200).IsRequired();
        b.Property(a => a.Line2).HasMaxLength(200);
        b.Property(a => a.PostalCode).HasMaxLength(20);
        b.Property(a => a.City).HasMaxLength(100).IsRequired();
        b.Property(a => a.Country).HasMaxLength(2).IsRequired();
    }
}
