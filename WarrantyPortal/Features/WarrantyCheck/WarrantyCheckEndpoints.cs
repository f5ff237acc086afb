using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace WarrantyPortal.Features.WarrantyCheck;

/// <summary>The check's HTTP side: the XLSX template and a JSON lookup, both behind the per-address request limit.</summary>
public static class WarrantyCheckEndpoints
{
    public const string RequestPolicy = "warranty-check-requests";

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static IServiceCollection AddWarrantyCheck(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<WarrantyCheckOptions>(config.GetSection(WarrantyCheckOptions.Section));
        services.AddSingleton<CheckRateLimiter>();
        services.AddSingleton<WarrantyCheckService>();
        services.AddScoped<ClientAddress>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, ClientAddressCircuitHandler>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RequestPolicy, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<WarrantyCheckOptions>>().Value.RequestsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
            o.OnRejected = async (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<WarrantyCheckText>>();
                await context.HttpContext.Response.WriteAsync(text["Api_RateLimited", seconds], ct);
            };
        });
        return services;
    }

    public static WebApplication MapWarrantyCheck(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapGet("/check/template.xlsx", () => Results.File(WarrantyCheckWorkbook.Template(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "warranty-check-template.xlsx"))
            .RequireRateLimiting(RequestPolicy);
        app.MapGet("/api/warranty-check", async (string[] sn, HttpContext http, WarrantyCheckService check, CancellationToken ct) =>
            {
                var outcome = await check.CheckAsync(sn, ClientAddress.Of(http), ct);
                if (outcome.Error is null) return Results.Json(outcome.Results, Json);
                if (outcome.RetryAfter is { } retry)
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Results.Problem(outcome.Error, statusCode: StatusCodes.Status429TooManyRequests);
                }
                return Results.Problem(outcome.Error, statusCode: StatusCodes.Status400BadRequest);
            })
            .RequireRateLimiting(RequestPolicy);
        return app;
    }
}
