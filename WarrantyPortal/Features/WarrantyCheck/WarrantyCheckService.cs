using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Registry;

namespace WarrantyPortal.Features.WarrantyCheck;

/// <summary>What the public check shows for one serial number: no owner or address data, ever.</summary>
public sealed record CheckResult(
    string Input,
    string? SerialNumber,
    CoverageState State,
    string? Model,
    ProductFamily? Family,
    DateOnly? WarrantyStart,
    DateOnly? Expiry,
    int? TotalYears,
    IReadOnlyList<CheckExtension> Extensions,
    string? Problem);

/// <summary>An extension as the public sees it: its period and certificate, not the order behind it.</summary>
public sealed record CheckExtension(DateOnly Start, DateOnly End, string? CertificateNumber);

/// <summary>The results, or an error for the user; <see cref="RetryAfter"/> is set when the rate limit refused the query.</summary>
public sealed record CheckOutcome(IReadOnlyList<CheckResult> Results, string? Error, TimeSpan? RetryAfter = null)
{
    public static CheckOutcome Failed(string error, TimeSpan? retryAfter = null) => new([], error, retryAfter);
}

/// <summary>The public warranty check: looks serial numbers up in the registry, within the client's rate limit.</summary>
public sealed class WarrantyCheckService(
    IDeviceRegistry registry,
    CheckRateLimiter limiter,
    IOptions<WarrantyCheckOptions> options,
    IStringLocalizer<WarrantyCheckText> text,
    TimeProvider clock)
{
    /// <summary>Non-empty lines, each serial number once (as normalised), in the order typed.</summary>
    public static IReadOnlyList<string> CleanInputs(IEnumerable<string?> inputs) =>
        inputs.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!.Trim())
            .DistinctBy(SerialNumber.Normalize).ToList();

    public async Task<CheckOutcome> CheckAsync(IEnumerable<string?> inputs, string clientAddress, CancellationToken ct = default)
    {
        var cleaned = CleanInputs(inputs);
        if (cleaned.Count == 0) return CheckOutcome.Failed(text["Error_NothingToCheck"]);
        var max = options.Value.MaxPerQuery;
        if (cleaned.Count > max) return CheckOutcome.Failed(text["Error_TooMany", cleaned.Count, max]);
        var (allowed, retryAfter) = await limiter.TryAcquireAsync(clientAddress, cleaned.Count, ct);
        if (!allowed)
        {
            var at = clock.GetUtcNow().Add(retryAfter);
            var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
            return CheckOutcome.Failed(text["Error_RateLimited", minutes, at.ToString("HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)], retryAfter);
        }

        var parsed = cleaned.Select(i => (Input: i, Ok: SerialNumber.TryParse(i, out var sn), Sn: sn)).ToList();
        IReadOnlyDictionary<SerialNumber, DeviceRecord> devices;
        try
        {
            devices = await registry.FindManyAsync(parsed.Where(p => p.Ok).Select(p => p.Sn).ToList(), ct);
        }
        catch (RegistryUnavailableException)
        {
            return CheckOutcome.Failed(text["Error_RegistryDown"]);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new CheckOutcome(parsed.Select(p => Result(p.Input, p.Ok, p.Sn, devices, today)).ToList(), null);
    }

    private CheckResult Result(string input, bool ok, SerialNumber sn, IReadOnlyDictionary<SerialNumber, DeviceRecord> devices, DateOnly today)
    {
        if (!ok) return new CheckResult(input, null, CoverageState.Unknown, null, null, null, null, null, [], text["Problem_Malformed"]);
        if (!devices.TryGetValue(sn, out var d)) return new CheckResult(input, sn.Value, CoverageState.Unknown, null, null, null, null, null, [], text["Problem_Unknown"]);
        return new CheckResult(input, sn.Value, d.StateOn(today), d.Model, d.Family, d.BaseWarrantyStart, d.CoverageEnd, d.TotalYears,
            d.Extensions.Select(e => new CheckExtension(e.Start, e.End, e.CertificateNumber)).ToList(), null);
    }
}
