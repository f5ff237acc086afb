using System.Globalization;
using System.Resources;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Admin.Orders;

/// <summary>How a payment method reads in the back office and its exports, in the admin's language.</summary>
public static class PaymentMethodLook
{
    private static readonly ResourceManager Text = new(typeof(AdminText));

    public static readonly PaymentMethod[] All = Enum.GetValues<PaymentMethod>();

    public static string Label(PaymentMethod? method, CultureInfo? culture = null) =>
        Text.GetString(method is { } m ? $"PaymentMethod_{m}" : "PaymentMethod_None", culture ?? CultureInfo.CurrentUICulture) ?? method?.ToString() ?? "";

    public static string Icon(PaymentMethod? method) => method switch
    {
        PaymentMethod.Card => MudBlazor.Icons.Material.Filled.CreditCard,
        PaymentMethod.Alipay => MudBlazor.Icons.Material.Filled.QrCode2,
        PaymentMethod.EuBankTransfer or PaymentMethod.WireTransfer => MudBlazor.Icons.Material.Filled.AccountBalance,
        _ => MudBlazor.Icons.Material.Outlined.HourglassEmpty,
    };
}

/// <summary>The back office's own strings in the admin's language (AdminText.resx, AdminText.fr.resx).</summary>
public static class AdminStrings
{
    private static readonly ResourceManager Text = new(typeof(AdminText));

    public static string Get(string key, params object?[] args)
    {
        var culture = CultureInfo.CurrentUICulture;
        var format = Text.GetString(key, culture) ?? key;
        return args.Length == 0 ? format : string.Format(culture, format, args);
    }

    /// <summary>
    /// A stored name (an enum value, an audit action) as the admin reads it, from the key "{prefix}_{name}"; the name
    /// itself when there is no text for it. What is stored stays as it is.
    /// </summary>
    public static string Label(string prefix, string name) =>
        Text.GetString($"{prefix}_{name}", CultureInfo.CurrentUICulture) ?? name;

    public static string Label(Notifications.OutboxStatus status) => Label("OutboxStatus", status.ToString());
}
