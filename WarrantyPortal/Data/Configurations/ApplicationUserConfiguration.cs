using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Data.Configurations;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.FullName).HasMaxLength(200);
        b.Property(u => u.Country).HasMaxLength(2);
        b.Property(u => u.Company).HasMaxLength(200);
        b.Property(u => u.TaxId).HasMaxLength(40);
        b.Property(u => u.PreferredCulture).HasMaxLength(10);
    }
}
