using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Fulfilment;

/// <summary>Runs <see cref="FulfilmentService"/> whenever it is signalled, and every few seconds in case it was not.</summary>
public sealed class FulfilmentWorker(FulfilmentService service, FulfilmentSignal signal, WorkerHealth health, ILogger<FulfilmentWorker> logger)
    : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                health.Beat(nameof(FulfilmentWorker));
                await service.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Order fulfilment loop failed; retrying");
            }
            await signal.WaitAsync(PollInterval, stoppingToken);
        }
    }
}
