using Microsoft.Extensions.Options;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Reminders;

/// <summary>Runs <see cref="ReminderService"/> once per day: it looks every hour whether today's run is still to do.</summary>
public sealed class ReminderWorker(ReminderService service, ReminderSignal signal, WorkerHealth health, IOptions<ReminderOptions> options,
    ILogger<ReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                health.Beat(nameof(ReminderWorker));
                await service.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Device reminder run failed; retrying later");
            }
            await signal.WaitAsync(options.Value.CheckInterval, stoppingToken);
        }
    }
}
