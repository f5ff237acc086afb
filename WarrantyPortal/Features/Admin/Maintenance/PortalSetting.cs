using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Features.Admin.Maintenance;

/// <summary>A store-wide switch an administrator sets at run time (e.g. maintenance mode).</summary>
public sealed class PortalSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
}

public sealed class PortalSettingConfiguration : IEntityTypeConfiguration<PortalSetting>
{
    public void Configure(EntityTypeBuilder<PortalSetting> b)
    {
        b.ToTable("PortalSettings");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(60);
        b.Property(s => s.Value).HasMaxLength(2000);
        b.Property(s => s.UpdatedBy).HasMaxLength(200);
    }
}
