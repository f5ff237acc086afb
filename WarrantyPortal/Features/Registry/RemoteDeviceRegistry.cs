using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Features.Registry;

/// <summary>
/// The registry kept in the manufacturer's platform, over HTTP (contract in the README). Timeouts, retries and the circuit
/// breaker come from the resilience handler configured in <see cref="RegistrySetup"/>; answers are cached briefly. Anything
/// slow, failing or unreadable becomes a <see cref="RegistryUnavailableException"/>: never a crash, never a wrong answer.
/// </summary>
public sealed class RemoteDeviceRegistry(IHttpClientFactory httpFactory, IMemoryCache cache, IOptions<RegistryOptions> options, ILogger<RemoteDeviceRegistry> logger) : IDeviceRegistry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The named HTTP client carrying the base address, key and resilience handler.</summary>
    public const string ClientName = "device-registry";

    private readonly RegistryOptions _options = options.Value;

    public async Task<DeviceRecord?> FindAsync(SerialNumber serialNumber, CancellationToken ct = default) =>
        (await FindManyAsync([serialNumber], ct)).GetValueOrDefault(serialNumber);

    public async Task<IReadOnlyDictionary<SerialNumber, DeviceRecord>> FindManyAsync(IReadOnlyCollection<SerialNumber> serialNumbers, CancellationToken ct = default)
    {
        var result = new Dictionary<SerialNumber, DeviceRecord>();
        var missing = new List<SerialNumber>();
        foreach (var sn in serialNumbers.Distinct())
        {
            if (cache.TryGetValue(Key(sn), out CachedAnswer? cached)) { if (cached!.Device is { } d) result[sn] = d; }
            else missing.Add(sn);
        }
        foreach (var chunk in missing.Chunk(Math.Max(1, _options.BatchSize)))
        {
            var found = await LookupAsync(chunk, ct);
            foreach (var sn in chunk)
            {
                var device = found.GetValueOrDefault(sn);
                cache.Set(Key(sn), new CachedAnswer(device), _options.CacheDuration);
                if (device is not null) result[sn] = device;
            }
        }
        return result;
    }

    public async Task<bool> RecordExtensionAsync(SerialNumber serialNumber, CoverageExtension extension, CancellationToken ct = default)
    {
        var body = new ExtensionDto(extension.PlanCode, extension.Start, extension.End, extension.OrderNumber, extension.CertificateNumber);
        using var response = await SendAsync(() => httpFactory.CreateClient(ClientName).PostAsJsonAsync($"devices/{serialNumber.Value}/extensions", body, Json, ct), ct);
        cache.Remove(Key(serialNumber));
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        if (!response.IsSuccessStatusCode) throw Unavailable($"recording an extension answered {(int)response.StatusCode}");
        return true;
    }

    private async Task<Dictionary<SerialNumber, DeviceRecord>> LookupAsync(SerialNumber[] chunk, CancellationToken ct)
    {
        var request = new LookupRequest(chunk.Select(s => s.Value).ToArray());
        using var response = await SendAsync(() => httpFactory.CreateClient(ClientName).PostAsJsonAsync("devices/lookup", request, Json, ct), ct);
        if (!response.IsSuccessStatusCode) throw Unavailable($"lookup answered {(int)response.StatusCode}");
        LookupResponse? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<LookupResponse>(Json, ct);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or HttpRequestException or IOException)
        {
            throw Unavailable("lookup answer is not the expected JSON", e);
        }
        var asked = chunk.ToHashSet();
        var found = new Dictionary<SerialNumber, DeviceRecord>();
        foreach (var dto in body?.Devices ?? throw Unavailable("lookup answer has no devices list"))
        {
            var device = dto?.ToRecord() ?? throw Unavailable("lookup answer has a device that does not follow the contract");
            if (!asked.Contains(device.SerialNumber)) throw Unavailable($"lookup answered for {device.SerialNumber}, which was not asked");
            found[device.SerialNumber] = device;
        }
        return found;
    }

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, CancellationToken ct)
    {
        try
        {
            return await send();
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw Unavailable("the platform did not answer", e);
        }
    }

    private RegistryUnavailableException Unavailable(string why, Exception? inner = null)
    {
        logger.LogWarning(inner, "Remote device registry unavailable: {Reason}", why);
        return new RegistryUnavailableException($"The remote device registry is unavailable: {why}.", inner);
    }

    private static string Key(SerialNumber sn) => "registry:" + sn.Value;

    private sealed record CachedAnswer(DeviceRecord? Device);

    internal sealed record LookupRequest(string[] SerialNumbers);

    internal sealed record LookupResponse(List<DeviceDto?>? Devices);

    internal sealed record ExtensionDto(string PlanCode, DateOnly Start, DateOnly End, string OrderNumber, string? CertificateNumber);

    internal sealed record DeviceDto(
        string? SerialNumber, string? Model, ProductFamily? Family, int? RatedPowerW, DateOnly? ProductionDate, DateOnly? CommissioningDate,
        DateOnly? BaseWarrantyStart, DateOnly? BaseWarrantyEnd, string? CountryCode, string? GatewaySerialNumber, List<ExtensionDto?>? Extensions)
    {
        /// <summary>The record, or null when a required field is missing or inconsistent.</summary>
        public DeviceRecord? ToRecord()
        {
            if (Family is not { } family || !Domain.Registry.SerialNumber.TryParse(SerialNumber, family, out var sn, out _)) return null;
            if (string.IsNullOrWhiteSpace(Model) || ProductionDate is not { } produced || BaseWarrantyEnd is not { } end) return null;
            if (string.IsNullOrWhiteSpace(CountryCode) || CountryCode.Length != 2) return null;
            var start = BaseWarrantyStart ?? CommissioningDate ?? produced;
            if (end <= start) return null;
            var extensions = new List<CoverageExtension>();
            foreach (var e in Extensions ?? [])
            {
                if (e is null || string.IsNullOrWhiteSpace(e.PlanCode) || string.IsNullOrWhiteSpace(e.OrderNumber) || e.End < e.Start) return null;
                extensions.Add(new CoverageExtension(e.PlanCode, e.Start, e.End, e.OrderNumber, e.CertificateNumber));
            }
            return new DeviceRecord(sn, Model, family, RatedPowerW ?? 0, produced, CommissioningDate, start, end, CountryCode.ToUpperInvariant(),
                GatewaySerialNumber, extensions);
        }
    }
}
