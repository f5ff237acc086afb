using System.Collections.Concurrent;

namespace WarrantyPortal.Infrastructure;

/// <summary>Background workers report here on each loop; /health reads it.</summary>
public sealed class WorkerHealth(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _beats = new();

    public void Beat(string worker) => _beats[worker] = clock.GetUtcNow();

    public DateTimeOffset? LastBeat(string worker) => _beats.TryGetValue(worker, out var t) ? t : null;
}
