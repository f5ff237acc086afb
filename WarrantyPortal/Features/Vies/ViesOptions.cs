namespace WarrantyPortal.Features.Vies;

public sealed class ViesOptions
{
    public const string Section = "Vies";

    public const string DefaultBaseUrl = "https://ec.europa.eu/taxation_customs/vies/rest-api/";

    /// <summary>
    /// Check VAT numbers with VIES. Unset: on in production; in Development only when <see cref="BaseUrl"/> is configured,
    /// so the portal works offline.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The VIES REST API; <c>check-vat-number</c> is posted relative to it.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>How long a buyer waits for VIES before the order goes on with the format check alone.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a definite answer (registered or not) is reused for the same number.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long "VIES did not answer" is reused, so a buyer typing does not wait each time.</summary>
    public TimeSpan UnavailableCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsEnabled(bool isDevelopment) => Enabled ?? (!isDevelopment || !string.IsNullOrWhiteSpace(BaseUrl));

    public Uri BaseUri
    {
        get
        {
            var url = string.IsNullOrWhiteSpace(BaseUrl) ? DefaultBaseUrl : BaseUrl.Trim();
            if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri))
            {
                throw new InvalidOperationException($"Vies:BaseUrl '{BaseUrl}' is not an absolute URL (e.g. {DefaultBaseUrl}).");
            }
            return uri;
        }
    }
}
