namespace WarrantyPortal.Features.Orders;

/// <summary>
/// Tells open pages that an order changed, so they reload it (pushed, no polling). Whoever saves a change to an order
/// calls <see cref="Publish"/> after the commit; a page subscribes for its order and disposes the subscription when it goes.
/// </summary>
public sealed class OrderChangeNotifier(ILogger<OrderChangeNotifier> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<Subscription>> _byOrder = [];
    private readonly List<Subscription> _all = [];

    /// <summary>Calls <paramref name="onChanged"/> each time this order changes, until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Guid orderId, Func<Task> onChanged)
    {
        var s = new Subscription(this, orderId, _ => onChanged());
        lock (_gate)
        {
            if (!_byOrder.TryGetValue(orderId, out var list)) _byOrder[orderId] = list = [];
            list.Add(s);
        }
        return s;
    }

    /// <summary>Calls <paramref name="onChanged"/> with the order id whenever any order changes (lists, dashboards).</summary>
    public IDisposable SubscribeAll(Func<Guid, Task> onChanged)
    {
        var s = new Subscription(this, null, onChanged);
        lock (_gate) _all.Add(s);
        return s;
    }

    public void Publish(Guid orderId)
    {
        Subscription[] targets;
        lock (_gate)
        {
            targets = [.. _byOrder.TryGetValue(orderId, out var list) ? list : [], .. _all];
        }
        foreach (var s in targets) _ = RunAsync(s, orderId);
    }

    internal int SubscriberCount(Guid orderId)
    {
        lock (_gate) return _byOrder.TryGetValue(orderId, out var list) ? list.Count : 0;
    }

    private async Task RunAsync(Subscription s, Guid orderId)
    {
        try
        {
            await s.Handler(orderId);
        }
        catch (Exception e)
        {
            // A page that went away mid-update must not break the one that published.
            logger.LogWarning(e, "An order change handler failed for {OrderId}", orderId);
        }
    }

    private void Remove(Subscription s)
    {
        lock (_gate)
        {
            if (s.OrderId is { } id && _byOrder.TryGetValue(id, out var list))
            {
                list.Remove(s);
                if (list.Count == 0) _byOrder.Remove(id);
            }
            else
            {
                _all.Remove(s);
            }
        }
    }

    private sealed class Subscription(OrderChangeNotifier owner, Guid? orderId, Func<Guid, Task> handler) : IDisposable
    {
        public Guid? OrderId { get; } = orderId;
        public Func<Guid, Task> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
