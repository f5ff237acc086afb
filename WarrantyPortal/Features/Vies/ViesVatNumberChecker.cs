using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Catalog;

namespace WarrantyPortal.Features.Vies;

/// <summary>
/// The EU's VIES REST service: <c>POST check-vat-number</c> with the country code and the number without its prefix.
/// The timeout and circuit breaker come from the resilience handler set in <see cref="ViesSetup"/>. A slow, failing or
/// unreadable answer, or VIES saying a member state is not answering, is "unavailable", never "invalid".
/// </summary>
public sealed class ViesVatNumberChecker(IHttpClientFactory httpFactory, IMemoryCache cache, IOptions<ViesOptions> options,
    TimeProvider clock, ILogger<ViesVatNumberChecker> logger) : IVatNumberChecker
{
    public const string ClientName = "vies";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<VatVerification?> CheckAsync(VatNumber number, CancellationToken ct = default)
    {
        var key = "vies:" + number.Value;
        if (cache.TryGetValue(key, out VatVerification? cached) && cached is not null) return cached;

        var answer = await AskAsync(number, ct);
        var o = options.Value;
        var keep = answer.Outcome == VatCheckOutcome.Unavailable ? o.UnavailableCacheDuration : o.CacheDuration;
        if (keep > TimeSpan.Zero) cache.Set(key, answer, keep);
        return answer;
    }

    private async Task<VatVerification> AskAsync(VatNumber number, CancellationToken ct)
    {
        var prefix = number.Value[..2];
        var request = new CheckRequest(prefix, number.Value[2..]);
        try
        {
            using var response = await httpFactory.CreateClient(ClientName).PostAsJsonAsync("check-vat-number", request, Json, ct);
            if (!response.IsSuccessStatusCode)
            {
                return Unavailable(number, $"answered {(int)response.StatusCode}");
            }
            var body = await response.Content.ReadFromJsonAsync<CheckResponse>(Json, ct);
            if (body?.Valid is not { } valid)
            {
                return Unavailable(number, "answer has no 'valid' field");
            }
            if (!valid && !string.IsNullOrEmpty(body.UserError) && !IsDefiniteAnswer(body.UserError))
            {
                return Unavailable(number, $"reports {body.UserError}");
            }
            var now = clock.GetUtcNow().UtcDateTime;
            return valid
                ? new VatVerification(number.Value, VatCheckOutcome.Valid, now, Disclosed(body.Name), Disclosed(body.Address), Disclosed(body.RequestIdentifier))
                : new VatVerification(number.Value, VatCheckOutcome.Invalid, now, ConsultationNumber: Disclosed(body.RequestIdentifier));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException or IOException
                                      or TimeoutException or Polly.ExecutionRejectedException
                                      || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return Unavailable(number, e.GetType().Name + ": " + e.Message);
        }
    }

    private VatVerification Unavailable(VatNumber number, string why)
    {
        logger.LogWarning("VIES could not check {VatNumber}: {Reason}; the format check stands (unverified)", number.Value, why);
        return VatVerification.Unavailable(number.Value, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>VIES sets userError to VALID or INVALID with a real answer, to a reason (MS_UNAVAILABLE, TIMEOUT, …) without one.</summary>
    private static bool IsDefiniteAnswer(string userError) =>
        userError.Equals("VALID", StringComparison.OrdinalIgnoreCase) || userError.Equals("INVALID", StringComparison.OrdinalIgnoreCase);

    /// <summary>VIES writes "---" where a member state does not disclose the trader's name or address.</summary>
    private static string? Disclosed(string? value)
    {
        var v = value?.Trim();
        return string.IsNullOrEmpty(v) || v.Trim('-').Length == 0 ? null : v.Length > 300 ? v[..300] : v;
    }

    private sealed record CheckRequest(string CountryCode, string VatNumber);

    private sealed record CheckResponse(
        [property: JsonPropertyName("valid")] bool? Valid,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("address")] string? Address,
        [property: JsonPropertyName("requestDate")] string? RequestDate,
        [property: JsonPropertyName("requestIdentifier")] string? RequestIdentifier,
        [property: JsonPropertyName("userError")] string? UserError);
}
