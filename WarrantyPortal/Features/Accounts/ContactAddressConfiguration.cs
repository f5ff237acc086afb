using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WarrantyPortal.Data;

namespace WarrantyPortal.Features.Accounts;

public sealed class ContactAddressConfiguration : IEntityTypeConfiguration<ContactAddress>
{
    public void Configure(EntityTypeBuilder<ContactAddress> b)
    {
        b.ToTable("ContactAddresses");
        b.HasKey(a => a.Id);
        b.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Label).HasMaxLength(80);
        b.Property(a => a.Recipient).HasMaxLength(200);
        b.Property(a => a.Line1).HasMaxLength(200);
        b.Property(a => a.Line2).HasMaxLength(200);
        b.Property(a => a.PostalCode).HasMaxLength(20);
        b.Property(a => a.City).HasMaxLength(100);
        b.Property(a => a.Region).HasMaxLength(100);
        b.Property(a => a.Country).HasMaxLength(2);
        b.Property(a => a.Phone).HasMaxLength(40);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.UserId, a.Kind });
    }
}
