namespace WarrantyPortal.Infrastructure;

/// <summary>
/// A background worker that runs a pass at start, then whenever its <see cref="WorkSignal"/> is notified and at least every
/// <see cref="PollEvery"/>, until the host stops. Each pass reports to <see cref="WorkerHealth"/> under the worker's type
/// name; a failed pass is logged and tried again at the next wake-up.
/// </summary>
public abstract class SignalledWorker(WorkSignal signal, WorkerHealth health, ILogger logger) : BackgroundService
{
    protected ILogger Logger { get; } = logger;

    /// <summary>The longest wait between passes when nothing signals; read before each wait.</summary>
    protected abstract TimeSpan PollEvery { get; }

    /// <summary>What the log calls the work when a pass fails, e.g. "Order fulfilment loop".</summary>
    protected abstract string Work { get; }

    protected abstract Task RunPassAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var name = GetType().Name;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                health.Beat(name);
                await RunPassAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Logger.LogError(ex, "{Work} failed; retrying", Work);
            }
            await signal.WaitAsync(PollEvery, stoppingToken);
        }
    }
}
