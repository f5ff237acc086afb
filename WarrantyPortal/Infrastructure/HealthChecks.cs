using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WarrantyPortal.Features.Notifications;

namespace WarrantyPortal.Infrastructure;

/// <summary>Healthy while the mail worker has looped recently.</summary>
public sealed class MailWorkerHealthCheck(WorkerHealth health, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var beat = health.LastBeat(nameof(OutboxDeliveryWorker));
        if (beat is null) return Task.FromResult(HealthCheckResult.Degraded("The mail worker has not started yet."));
        var age = clock.GetUtcNow() - beat.Value;
        return Task.FromResult(age < TimeSpan.FromMinutes(2)
            ? HealthCheckResult.Healthy($"Last loop {age.TotalSeconds:F0} s ago.")
            : HealthCheckResult.Unhealthy($"The mail worker has not looped for {age.TotalSeconds:F0} s."));
    }
}

public static class HealthResponse
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
