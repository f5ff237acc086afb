using MudBlazor;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Admin.Orders;

/// <summary>How a status reads and looks in the back office, the same on every page.</summary>
public static class OrderStatusLook
{
    /// <summary>The order the status chips come in: what needs someone first.</summary>
    public static readonly OrderStatus[] ChipOrder =
    [
        OrderStatus.Submitted, OrderStatus.Approved, OrderStatus.AwaitingTransfer, OrderStatus.Paid, OrderStatus.Completed,
        OrderStatus.Rejected, OrderStatus.Cancelled, OrderStatus.Expired,
    ];

    public static string Label(OrderStatus s) => AdminStrings.Get($"Status_{s}");

    public static Color Color(OrderStatus s) => s switch
    {
        OrderStatus.Submitted => MudBlazor.Color.Warning,
        OrderStatus.Approved or OrderStatus.AwaitingTransfer => MudBlazor.Color.Info,
        OrderStatus.Paid or OrderStatus.Completed => MudBlazor.Color.Success,
        OrderStatus.Rejected => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };
}
