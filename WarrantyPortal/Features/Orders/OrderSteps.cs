using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Orders;

public enum StepState
{
    Upcoming,
    Current,
    Done,

    /// <summary>The order stopped here (rejected, cancelled, expired).</summary>
    Stopped,
}

public sealed record OrderStep(string TextKey, StepState State);

/// <summary>The four steps the buyer sees (Initiate request → Order audit → Order payment → Purchase successful) for an order's state.</summary>
public static class OrderSteps
{
    private static readonly string[] Keys = ["Step_Initiate", "Step_Audit", "Step_Payment", "Step_Done"];

    /// <param name="status">The order's status.</param>
    /// <param name="stoppedFrom">For a closed order, the status it was in when it closed (from its history).</param>
    public static IReadOnlyList<OrderStep> For(OrderStatus status, OrderStatus? stoppedFrom = null)
    {
        var (reached, stopped) = status switch
        {
            OrderStatus.Draft => (0, false),
            OrderStatus.Submitted => (1, false),
            OrderStatus.Approved or OrderStatus.AwaitingTransfer => (2, false),
            OrderStatus.Paid => (3, false),
            OrderStatus.Completed => (4, false),
            OrderStatus.Rejected => (1, true),
            OrderStatus.Expired => (2, true),
            OrderStatus.Cancelled => (StepOf(stoppedFrom ?? OrderStatus.Submitted), true),
            _ => (0, false),
        };
        return Keys.Select((key, i) => new OrderStep(key,
            i < reached ? StepState.Done
            : i == reached ? (stopped ? StepState.Stopped : StepState.Current)
            : StepState.Upcoming)).ToList();
    }

    private static int StepOf(OrderStatus s) => s switch
    {
        OrderStatus.Draft => 0,
        OrderStatus.Submitted => 1,
        _ => 2,
    };
}
