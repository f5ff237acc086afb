using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Fulfilment;

/// <summary>Runs <see cref="FulfilmentService"/> whenever it is signalled, and every few seconds in case it was not.</summary>
public sealed class FulfilmentWorker(FulfilmentService service, FulfilmentSignal signal, WorkerHealth health, ILogger<FulfilmentWorker> logger)
    : SignalledWorker(signal, health, logger)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(3);

    protected override TimeSpan PollEvery => PollInterval;

    protected override string Work => "Order fulfilment loop";

    protected override Task RunPassAsync(CancellationToken ct) => service.RunOnceAsync(ct);
}
