using System.Collections.Concurrent;

namespace WarrantyPortal.Features.Payments;

public enum PaymentSignal
{
    /// <summary>The attempt's status changed: read it again.</summary>
    Changed,
    /// <summary>The customer cancelled an Alipay payment on the phone.</summary>
    AlipayCancelled,
}

/// <summary>Pushes payment changes to open pages (the desktop checkout waiting for a phone, the return page).</summary>
public sealed class PaymentNotifier
{
    private readonly ConcurrentDictionary<Guid, ImmutableSubscribers> _subscribers = new();

    public IDisposable Subscribe(Guid attemptId, Func<PaymentSignal, Task> handler)
    {
        _subscribers.AddOrUpdate(attemptId, _ => new([handler]), (_, s) => new([.. s.Handlers, handler]));
        return new Subscription(() => _subscribers.AddOrUpdate(attemptId, _ => new([]), (_, s) => new([.. s.Handlers.Where(h => h != handler)])));
    }

    public async Task PublishAsync(Guid attemptId, PaymentSignal signal)
    {
        if (!_subscribers.TryGetValue(attemptId, out var s)) return;
        foreach (var handler in s.Handlers)
        {
            try { await handler(signal); }
            catch (ObjectDisposedException) { }
        }
    }

    private sealed record ImmutableSubscribers(Func<PaymentSignal, Task>[] Handlers);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) dispose();
        }
    }
}
