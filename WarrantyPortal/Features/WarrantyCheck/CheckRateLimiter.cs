using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

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
/// One budget of serial-number lookups per client address, shared by the check page (which runs over the circuit)
/// and the check's HTTP endpoints (through the ASP.NET Core rate limiting middleware), so the registry cannot be scraped.
/// </summary>
public sealed class CheckRateLimiter : IDisposable
{
    public const string PolicyName = "warranty-check";

    private readonly PartitionedRateLimiter<string> _limiter;

    public CheckRateLimiter(IOptions<WarrantyCheckOptions> options, TimeProvider clock)
    {
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = o.SerialNumbersPerWindow,
            Window = o.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        Clock = clock;
    }

    public TimeProvider Clock { get; }

    /// <summary>Takes <paramref name="serialNumbers"/> lookups from the address's budget; when refused, says when to retry.</summary>
    public (bool Allowed, TimeSpan RetryAfter) TryAcquire(string clientAddress, int serialNumbers)
    {
        using var lease = _limiter.AttemptAcquire(clientAddress, Math.Max(1, serialNumbers));
        if (lease.IsAcquired) return (true, TimeSpan.Zero);
        return (false, lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromMinutes(1));
    }

    public void Dispose() => _limiter.Dispose();
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
