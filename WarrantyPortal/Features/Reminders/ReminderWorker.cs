using Microsoft.Extensions.Options;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Reminders;

/// <summary>Runs <see cref="ReminderService"/> once per day: it looks every hour whether today's run is still to do.</summary>
public sealed class ReminderWorker(ReminderService service, ReminderSignal signal, WorkerHealth health, IOptions<ReminderOptions> options,
    ILogger<ReminderWorker> logger) : SignalledWorker(signal, health, logger)
{
    protected override TimeSpan PollEvery => options.Value.CheckInterval;

    protected override string Work => "Device reminder run";

    protected override Task RunPassAsync(CancellationToken ct) => service.RunOnceAsync(ct);
}
