using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Features.Fulfilment;

public enum CertificateStatus
{
    Valid = 0,
    Revoked = 1,
}

/// <summary>
/// One device's extended-warranty certificate, as issued. The PDF is drawn from this row on demand, so what is printed
/// never drifts from what was issued.
/// </summary>
public sealed class Certificate
{
    public long Id { get; set; }

    /// <summary>e.g. <c>WC-2026-000123</c>.</summary>
    public required string Number { get; set; }
    public Guid OrderId { get; set; }
    public required string OrderNumber { get; set; }
    public int OrderLineId { get; set; }
    public required string SerialNumber { get; set; }
    public required string Model { get; set; }
    public required string HolderName { get; set; }

    /// <summary>Installation address lines in print order, separated by new lines.</summary>
    public required string InstallationAddress { get; set; }
    public DateOnly BaseWarrantyStart { get; set; }
    public DateOnly BaseWarrantyEnd { get; set; }
    public DateOnly CoverageStart { get; set; }
    public DateOnly NewWarrantyEnd { get; set; }
    public required string PlanCode { get; set; }
    public required string PlanName { get; set; }
    public DateOnly IssueDate { get; set; }
    public CertificateStatus Status { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>When the registry accepted the extension; null while it is still to be sent.</summary>
    public DateTime? RegistryRecordedAtUtc { get; set; }
}

public sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("Certificates");
        b.HasKey(c => c.Id);
        b.Property(c => c.Number).HasMaxLength(20);
        b.HasIndex(c => c.Number).IsUnique();
        // One certificate per order line, however often the work is retried.
        b.HasIndex(c => new { c.OrderId, c.OrderLineId }).IsUnique();
        b.HasIndex(c => c.SerialNumber);
        b.Property(c => c.OrderNumber).HasMaxLength(32);
        b.Property(c => c.SerialNumber).HasMaxLength(32);
        b.Property(c => c.Model).HasMaxLength(64);
        b.Property(c => c.HolderName).HasMaxLength(200);
        b.Property(c => c.InstallationAddress).HasMaxLength(600);
        b.Property(c => c.PlanCode).HasMaxLength(32);
        b.Property(c => c.PlanName).HasMaxLength(200);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
    }
}
