using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace WarrantyPortal.Features.Vies;

public static class ViesSetup
{
    /// <summary>The VIES check of VAT numbers, or the format check alone when it is switched off.</summary>
    public static IServiceCollection AddVies(this IServiceCollection services, IConfiguration config, bool isDevelopment)
    {
        var section = config.GetSection(ViesOptions.Section);
        services.Configure<ViesOptions>(section);
        var options = section.Get<ViesOptions>() ?? new ViesOptions();
        if (!options.IsEnabled(isDevelopment))
        {
            services.AddSingleton<IVatNumberChecker, FormatOnlyVatNumberChecker>();
            return services;
        }
        var baseUri = options.BaseUri;
        var timeout = options.Timeout > TimeSpan.Zero ? options.Timeout : TimeSpan.FromSeconds(3);
        services.AddMemoryCache();
        services.AddHttpClient(ViesVatNumberChecker.ClientName, http =>
            {
                http.BaseAddress = baseUri;
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline times out
            })
            .AddResilienceHandler("vies", pipeline =>
            {
                // A breaker outside the timeout, so timeouts count: a VIES outage soon costs buyers no wait at all.
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    MinimumThroughput = 5,
                    FailureRatio = 0.5,
                    SamplingDuration = timeout * 10,
                    BreakDuration = TimeSpan.FromSeconds(30),
                });
                pipeline.AddTimeout(timeout);
            });
        services.AddSingleton<IVatNumberChecker, ViesVatNumberChecker>();
        return services;
    }
}
