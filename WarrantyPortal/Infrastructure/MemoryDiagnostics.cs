using System.Diagnostics;
using System.Net;
using System.Runtime;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace WarrantyPortal.Infrastructure;

/// <summary>
/// Development only: the server's memory after a full blocking compacting collection and the number of open interactive
/// circuits, for the circuits benchmark to read from the portal's own process. Answers loopback callers only.
/// </summary>
public static class MemoryDiagnostics
{
    public const string Path = "/_diagnostics/memory";

    public static IServiceCollection AddMemoryDiagnostics(this IServiceCollection services)
    {
        services.AddSingleton<OpenCircuits>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<OpenCircuits>());
        return services;
    }

    public static WebApplication MapMemoryDiagnostics(this WebApplication app)
    {
        app.MapGet(Path, (HttpContext http, OpenCircuits circuits) =>
        {
            if (http.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address)) return Results.NotFound();
            for (var i = 0; i < 3; i++)
            {
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }
            var managed = GC.GetTotalMemory(forceFullCollection: true);
            using var self = Process.GetCurrentProcess();
            return Results.Json(new MemoryReport(managed, self.WorkingSet64, circuits.Count, Environment.ProcessId));
        });
        return app;
    }

    public sealed record MemoryReport(long ManagedBytes, long WorkingSetBytes, int OpenCircuits, int ProcessId);

    /// <summary>Counts the circuits the server holds, connected or kept for a reconnection, until each is disposed.</summary>
    public sealed class OpenCircuits : CircuitHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref _count);
            return Task.CompletedTask;
        }
    }
}
