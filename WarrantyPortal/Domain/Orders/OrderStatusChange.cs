namespace WarrantyPortal.Domain.Orders;

/// <summary>One row of an order's history: who moved it from where to where, when, and why.</summary>
public sealed class OrderStatusChange
{
    private OrderStatusChange() { }

    internal OrderStatusChange(OrderStatus? from, OrderStatus to, OrderActor actor, DateTime atUtc, string? remark)
    {
        FromStatus = from;
        ToStatus = to;
        ActorKind = actor.Kind;
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        AtUtc = atUtc;
        Remark = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
    }

    public long Id { get; private set; }
    public Guid OrderId { get; private set; }

    /// <summary>Null for the row that records the order's creation.</summary>
    public OrderStatus? FromStatus { get; private set; }
    public OrderStatus ToStatus { get; private set; }
    public OrderActorKind ActorKind { get; private set; }
    public string? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string? Remark { get; private set; }
}
