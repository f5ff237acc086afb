using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Features.Registry;

/// <summary>
/// The manufacturer's device registry: embedded in the portal's database by default, or the manufacturer's own
/// platform over HTTP (<c>Registry:Mode=Remote</c>). Implementations throw <see cref="RegistryUnavailableException"/>
/// when they cannot answer, never a wrong answer.
/// </summary>
public interface IDeviceRegistry
{
    /// <summary>The device, or null when the registry does not know the serial number.</summary>
    Task<DeviceRecord?> FindAsync(SerialNumber serialNumber, CancellationToken ct = default);

    /// <summary>The known devices among <paramref name="serialNumbers"/>, in batched queries; unknown ones are absent.</summary>
    Task<IReadOnlyDictionary<SerialNumber, DeviceRecord>> FindManyAsync(IReadOnlyCollection<SerialNumber> serialNumbers, CancellationToken ct = default);

    /// <summary>Adds an extension to the device's coverage history. False when the device is unknown.</summary>
    Task<bool> RecordExtensionAsync(SerialNumber serialNumber, CoverageExtension extension, CancellationToken ct = default);
}

/// <summary>The registry did not answer in time, failed, or answered something unreadable.</summary>
public sealed class RegistryUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
