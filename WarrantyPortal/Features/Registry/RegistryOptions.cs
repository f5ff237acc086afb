namespace WarrantyPortal.Features.Registry;

public enum RegistryMode
{
    /// <summary>The registry lives in the portal's own database (default).</summary>
    Embedded,

    /// <summary>The manufacturer's platform answers over HTTP (see the README's JSON contract).</summary>
    Remote,
}

public sealed class RegistryOptions
{
    public const string Section = "Registry";

    public RegistryMode Mode { get; set; } = RegistryMode.Embedded;

    /// <summary>Base address of the remote registry, e.g. https://monitoring.example.com/api/registry/.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Sent as the X-Api-Key header when set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a lookup may take with its retries before the user is told to try again.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(6);

    public int MaxRetries { get; set; } = 2;

    /// <summary>Failed calls in the sampling window before the breaker opens and calls fail at once.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long an answer (found or unknown) is reused.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Serial numbers per lookup request.</summary>
    public int BatchSize { get; set; } = 500;
}
