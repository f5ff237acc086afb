using Microsoft.Extensions.Logging.Abstractions;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Tests.Features.Orders;

public class OrderChangeNotifierTests
{
    private readonly OrderChangeNotifier _notifier = new(NullLogger<OrderChangeNotifier>.Instance);

    [Fact]
    public async Task Publish_SubscribedOrder_CallsItsHandlerOnly()
    {
        var mine = Guid.NewGuid();
        var other = Guid.NewGuid();
        var called = new TaskCompletionSource();
        var otherCalls = 0;
        using var a = _notifier.Subscribe(mine, () => { called.TrySetResult(); return Task.CompletedTask; });
        using var b = _notifier.Subscribe(other, () => { Interlocked.Increment(ref otherCalls); return Task.CompletedTask; });

        _notifier.Publish(mine);

        await called.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, otherCalls);
    }

    [Fact]
    public void Dispose_Subscription_NoLongerHeld()
    {
        var id = Guid.NewGuid();
        var s1 = _notifier.Subscribe(id, () => Task.CompletedTask);
        var s2 = _notifier.Subscribe(id, () => Task.CompletedTask);
        Assert.Equal(2, _notifier.SubscriberCount(id));

        s1.Dispose();
        s2.Dispose();

        Assert.Equal(0, _notifier.SubscriberCount(id));
    }

    [Fact]
    public async Task Publish_OneHandlerThrows_OthersStillCalled()
    {
        var id = Guid.NewGuid();
        var called = new TaskCompletionSource();
        using var bad = _notifier.Subscribe(id, () => throw new ObjectDisposedException("circuit"));
        using var good = _notifier.Subscribe(id, () => { called.TrySetResult(); return Task.CompletedTask; });

        _notifier.Publish(id);

        await called.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
