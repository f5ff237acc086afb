using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Features.Registry;

/// <summary>A device in the embedded registry. The serial number is stored in its normal form (see <see cref="SerialNumber"/>).</summary>
public sealed class Device
{
    public long Id { get; set; }

    public required string SerialNumber { get; set; }

    public required string Model { get; set; }

    public ProductFamily Family { get; set; }

    public int RatedPowerW { get; set; }

    public DateOnly ProductionDate { get; set; }

    public DateOnly? CommissioningDate { get; set; }

    public DateOnly BaseWarrantyStart { get; set; }

    public DateOnly BaseWarrantyEnd { get; set; }

    public required string CountryCode { get; set; }

    public string? GatewaySerialNumber { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public List<DeviceExtension> Extensions { get; set; } = [];
}

/// <summary>One row of a device's coverage history: an extension bought, with its order and certificate.</summary>
public sealed class DeviceExtension
{
    public long Id { get; set; }

    public long DeviceId { get; set; }

    public required string PlanCode { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public required string OrderNumber { get; set; }

    public string? CertificateNumber { get; set; }

    public DateTime RecordedAtUtc { get; set; }
}
