using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using WarrantyPortal.Infrastructure.RateLimiting;

namespace WarrantyPortal.Features.WarrantyCheck;

public sealed class WarrantyCheckOptions
{
    public const string Section = "WarrantyCheck";

    /// <summary>Serial numbers one client address may look up per window.</summary>
    public int SerialNumbersPerWindow { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Most serial numbers in one query (typed or uploaded).</summary>
    public int MaxPerQuery { get; set; } = 500;

    /// <summary>Requests to the check's HTTP endpoints one client address may make per minute.</summary>
    public int RequestsPerMinute { get; set; } = 30;
}

/// <summary>
/// One budget of serial-number lookups per client address, shared by the check page (which runs over the circuit),
/// the check's HTTP endpoints and every instance of the portal (the count is kept in the database), so the registry
/// cannot be scraped.
/// </summary>
public sealed class CheckRateLimiter(DbRateLimiter limiter, IOptions<WarrantyCheckOptions> options, TimeProvider clock)
{
    public const string PolicyName = "warranty-check";

    public TimeProvider Clock { get; } = clock;

    /// <summary>Takes <paramref name="serialNumbers"/> lookups from the address's budget; when refused, says when to retry.</summary>
    public async Task<(bool Allowed, TimeSpan RetryAfter)> TryAcquireAsync(string clientAddress, int serialNumbers, CancellationToken ct = default)
    {
        var o = options.Value;
        var decision = await limiter.TryAcquireAsync(PolicyName, clientAddress, new RateLimitRule(o.SerialNumbersPerWindow, o.Window), Math.Max(1, serialNumbers), ct);
        return (decision.Allowed, decision.RetryAfter);
    }
}

/// <summary>The address of the browser behind the current circuit (or request), for the rate limit.</summary>
public sealed class ClientAddress
{
    public string Value { get; set; } = "unknown";

    public static string Of(HttpContext? http) => http?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}

/// <summary>Remembers the client's address when the circuit opens: the only moment the connection's request is at hand.</summary>
public sealed class ClientAddressCircuitHandler(ClientAddress address, IHttpContextAccessor http) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (http.HttpContext is { } context) address.Value = ClientAddress.Of(context);
        return Task.CompletedTask;
    }
}
