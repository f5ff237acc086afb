using Microsoft.Extensions.DependencyInjection.Extensions;
using WarrantyPortal.Data;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.WarrantyCheck;

namespace WarrantyPortal.Features.Registry;

/// <summary>The registry, catalogue and eligibility wiring: one call each from PortalSetup.</summary>
public static class RegistrySetup
{
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration config)
    {
        services.AddDeviceRegistry(config);
        services.AddSingleton<RegistryImportService>();
        services.AddSingleton<CatalogQuery>();
        services.AddSingleton<PlanAdminService>();
        services.AddSingleton<EligibilityService>();
        services.TryAddSingleton<IOpenOrderLookup, NoOpenOrders>();
        services.AddTransient<IDemoSeeder, CatalogDemoSeeder>();
        services.AddTransient<IDemoSeeder, RegistryDemoSeeder>();
        services.AddWarrantyCheck(config);
        return services;
    }

    /// <summary>The embedded registry, or the remote one when <c>Registry:Mode</c> is <c>Remote</c>.</summary>
    public static IServiceCollection AddDeviceRegistry(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection(RegistryOptions.Section);
        services.Configure<RegistryOptions>(section);
        var options = section.Get<RegistryOptions>() ?? new RegistryOptions();
        if (options.Mode != RegistryMode.Remote)
        {
            services.AddSingleton<IDeviceRegistry, EmbeddedDeviceRegistry>();
            return services;
        }
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl))
        {
            throw new InvalidOperationException("Registry:Mode is Remote but Registry:BaseUrl is not an absolute URL (e.g. https://monitoring.example.com/api/registry/).");
        }
        services.AddMemoryCache();
        services.AddHttpClient(RemoteDeviceRegistry.ClientName, http =>
            {
                http.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler times out
                if (!string.IsNullOrEmpty(options.ApiKey)) http.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);
            })
            .AddStandardResilienceHandler(r =>
            {
                r.AttemptTimeout.Timeout = options.AttemptTimeout;
                r.TotalRequestTimeout.Timeout = options.TotalTimeout;
                r.Retry.MaxRetryAttempts = options.MaxRetries;
                r.Retry.Delay = TimeSpan.FromMilliseconds(100);
                r.CircuitBreaker.MinimumThroughput = options.BreakerMinimumThroughput;
                r.CircuitBreaker.SamplingDuration = options.AttemptTimeout * 2 > TimeSpan.FromSeconds(30) ? options.AttemptTimeout * 2 : TimeSpan.FromSeconds(30);
                r.CircuitBreaker.BreakDuration = options.BreakDuration;
            });
        services.AddSingleton<IDeviceRegistry, RemoteDeviceRegistry>();
        return services;
    }

    public static WebApplication MapRegistry(this WebApplication app)
    {
        app.MapWarrantyCheck();
        app.MapGet("/admin/registry/export.csv", async (HttpContext http, RegistryImportService registry, CancellationToken ct) =>
            {
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"registry-{DateTime.UtcNow:yyyyMMdd}.csv\"";
                await registry.ExportAsync(http.Response.Body, ct);
            })
            .RequireAuthorization(Roles.AdminPolicy);
        return app;
    }
}
