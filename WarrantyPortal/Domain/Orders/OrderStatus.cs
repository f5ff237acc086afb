namespace WarrantyPortal.Domain.Orders;

/// <summary>Where an order stands. The allowed moves between them are in <see cref="OrderTransitions"/>.</summary>
public enum OrderStatus
{
    Draft = 0,
    /// <summary>Placed by the buyer, awaiting the audit.</summary>
    Submitted = 1,
    /// <summary>Audited and accepted, awaiting payment.</summary>
    Approved = 2,
    /// <summary>The buyer chose a bank transfer; waiting for the money to arrive.</summary>
    AwaitingTransfer = 3,
    Paid = 4,
    /// <summary>Paid and the extensions are in force.</summary>
    Completed = 5,
    Rejected = 6,
    Cancelled = 7,
    /// <summary>Approved but not paid in time.</summary>
    Expired = 8,
}

public static class OrderTransitions
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Allowed = new()
    {
        [OrderStatus.Draft] = [OrderStatus.Submitted, OrderStatus.Cancelled],
        [OrderStatus.Submitted] = [OrderStatus.Approved, OrderStatus.Rejected, OrderStatus.Cancelled],
        [OrderStatus.Approved] = [OrderStatus.AwaitingTransfer, OrderStatus.Paid, OrderStatus.Cancelled, OrderStatus.Expired],
        [OrderStatus.AwaitingTransfer] = [OrderStatus.Paid, OrderStatus.Cancelled, OrderStatus.Expired],
        [OrderStatus.Paid] = [OrderStatus.Completed],
        [OrderStatus.Completed] = [],
        [OrderStatus.Rejected] = [],
        [OrderStatus.Cancelled] = [],
        [OrderStatus.Expired] = [],
    };

    public static bool IsAllowed(OrderStatus from, OrderStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<OrderStatus> From(OrderStatus from) => Allowed[from];

    /// <summary>Nothing happens to the order any more.</summary>
    public static bool IsFinal(OrderStatus status) => Allowed[status].Length == 0;

    /// <summary>Before payment the buyer (or an admin) may still cancel.</summary>
    public static bool CanCancel(OrderStatus status) => IsAllowed(status, OrderStatus.Cancelled);

    /// <summary>The buyer may go to the payment page.</summary>
    public static bool CanPay(OrderStatus status) => status is OrderStatus.Approved or OrderStatus.AwaitingTransfer;
}
