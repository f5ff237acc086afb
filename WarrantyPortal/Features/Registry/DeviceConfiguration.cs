using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Features.Registry;

public sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> b)
    {
        b.ToTable("Devices");
        b.Property(d => d.SerialNumber).HasMaxLength(32);
        b.HasIndex(d => d.SerialNumber).IsUnique();
        b.Property(d => d.Model).HasMaxLength(64);
        b.Property(d => d.Family).HasConversion<string>().HasMaxLength(24);
        b.Property(d => d.CountryCode).HasMaxLength(2);
        b.Property(d => d.GatewaySerialNumber).HasMaxLength(32);
        b.HasMany(d => d.Extensions).WithOne().HasForeignKey(e => e.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DeviceExtensionConfiguration : IEntityTypeConfiguration<DeviceExtension>
{
    public void Configure(EntityTypeBuilder<DeviceExtension> b)
    {
        b.ToTable("DeviceExtensions");
        b.Property(e => e.PlanCode).HasMaxLength(32);
        b.Property(e => e.OrderNumber).HasMaxLength(32);
        b.Property(e => e.CertificateNumber).HasMaxLength(40);
        b.HasIndex(e => e.OrderNumber);
        b.HasIndex(e => e.CertificateNumber);
    }
}
