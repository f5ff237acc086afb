using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Features.Catalog;

public sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.Property(p => p.Code).HasMaxLength(32);
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.NameEn).HasMaxLength(120);
        b.Property(p => p.NameFr).HasMaxLength(120);
        b.Property(p => p.Family).HasConversion<string>().HasMaxLength(24);
        b.Property(p => p.TermKind).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Models).HasMaxLength(500);
        b.Property(p => p.Countries).HasMaxLength(500);
        b.HasMany(p => p.Prices).WithOne().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlanPriceConfiguration : IEntityTypeConfiguration<PlanPrice>
{
    public void Configure(EntityTypeBuilder<PlanPrice> b)
    {
        b.Property(p => p.Currency).HasMaxLength(3);
        b.HasIndex(p => new { p.PlanId, p.Currency }).IsUnique();
    }
}

public sealed class BuyerProfileConfiguration : IEntityTypeConfiguration<BuyerProfile>
{
    public void Configure(EntityTypeBuilder<BuyerProfile> b)
    {
        b.Property(p => p.Code).HasMaxLength(32);
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.NameEn).HasMaxLength(80);
        b.Property(p => p.NameFr).HasMaxLength(80);
        b.HasMany(p => p.Tiers).WithOne().HasForeignKey(t => t.BuyerProfileId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BuyerProfileTierConfiguration : IEntityTypeConfiguration<BuyerProfileTier>
{
    public void Configure(EntityTypeBuilder<BuyerProfileTier> b) =>
        b.HasIndex(t => new { t.BuyerProfileId, t.MinQuantity }).IsUnique();
}
