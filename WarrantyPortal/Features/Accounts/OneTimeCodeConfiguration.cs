using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Accounts;

namespace WarrantyPortal.Features.Accounts;

public sealed class OneTimeCodeConfiguration : IEntityTypeConfiguration<OneTimeCode>
{
    public void Configure(EntityTypeBuilder<OneTimeCode> b)
    {
        b.ToTable("OneTimeCodes");
        b.HasKey(c => c.Id);
        b.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        b.Property(c => c.Salt).HasMaxLength(32).IsRequired();
        b.Property(c => c.CodeHash).HasMaxLength(64).IsRequired();
        b.Ignore(c => c.AttemptsLeft);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(c => new { c.UserId, c.IssuedAtUtc });
    }
}
