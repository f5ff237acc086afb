using System.Globalization;
using MudBlazor;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Orders;

/// <summary>How orders look on screen: status colours and icons, times and countries.</summary>
public static class OrderFormat
{
    public static Color ColorOf(OrderStatus s) => s switch
    {
        OrderStatus.Submitted => Color.Info,
        OrderStatus.Approved or OrderStatus.AwaitingTransfer => Color.Warning,
        OrderStatus.Paid or OrderStatus.Completed => Color.Success,
        OrderStatus.Rejected => Color.Error,
        _ => Color.Default,
    };

    public static string IconOf(OrderStatus s) => s switch
    {
        OrderStatus.Draft => Icons.Material.Outlined.EditNote,
        OrderStatus.Submitted => Icons.Material.Outlined.HourglassTop,
        OrderStatus.Approved => Icons.Material.Outlined.CreditCard,
        OrderStatus.AwaitingTransfer => Icons.Material.Outlined.AccountBalance,
        OrderStatus.Paid => Icons.Material.Outlined.Paid,
        OrderStatus.Completed => Icons.Material.Outlined.Verified,
        OrderStatus.Rejected => Icons.Material.Outlined.Block,
        OrderStatus.Cancelled => Icons.Material.Outlined.Cancel,
        _ => Icons.Material.Outlined.TimerOff,
    };

    public static Severity SeverityOf(OrderStatus s) => s switch
    {
        OrderStatus.Approved or OrderStatus.AwaitingTransfer => Severity.Warning,
        OrderStatus.Paid or OrderStatus.Completed => Severity.Success,
        OrderStatus.Rejected => Severity.Error,
        OrderStatus.Cancelled or OrderStatus.Expired => Severity.Normal,
        _ => Severity.Info,
    };

    /// <summary>A UTC time in the reader's culture, marked UTC (the server does not know the browser's zone).</summary>
    public static string Time(DateTime? utc) => utc is { } t ? t.ToString("g", CultureInfo.CurrentCulture) + " UTC" : "—";

    public static string Date(DateTime utc) => utc.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>The country's name in the reader's language (see <see cref="Accounts.CountryList"/>), a dash when none.</summary>
    public static string Country(string? code) => string.IsNullOrWhiteSpace(code) ? "—" : Accounts.CountryList.Name(code);

    public static string OrDash(string? text) => string.IsNullOrWhiteSpace(text) ? "—" : text;
}
