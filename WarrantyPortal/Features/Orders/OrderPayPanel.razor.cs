using System.Globalization;
using Microsoft.AspNetCore.Components;
using WarrantyPortal.Features.Payments;

namespace WarrantyPortal.Features.Orders;

public partial class OrderPayPanel
{
    [Inject] private OrderPaymentService Payments { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [Parameter, EditorRequired] public OrderAccess Access { get; set; } = default!;
    [Parameter, EditorRequired] public string Number { get; set; } = "";

    /// <summary>Where the wire-transfer email's button leads.</summary>
    [Parameter, EditorRequired] public string OrderUrl { get; set; } = "";

    private OrderPayView? _view;
    private BankTransferDetails? _transfer;
    private bool _loaded;
    private bool _busy;
    private bool _interactive;
    private string? _message;

    private static string Culture => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    protected override async Task OnParametersSetAsync()
    {
        _interactive = RendererInfo.IsInteractive;
        _view = await Payments.GetAsync(Access, Number);
        _loaded = true;
    }

    private async Task ChooseAsync(PaymentMethodKind method)
    {
        _busy = true;
        _message = null;
        var result = method == PaymentMethodKind.WireTransfer
            ? await Payments.ChooseWireTransferAsync(Access, Number, Culture, OrderUrl)
            : await Payments.StartCheckoutAsync(Access, Number, method, Culture);
        _busy = false;
        switch (result.Outcome)
        {
            case PayOutcome.Redirect when result.Transfer is not null:
                _transfer = result.Transfer;
                _view = await Payments.GetAsync(Access, Number);
                break;
            case PayOutcome.Redirect:
                Nav.NavigateTo(result.RedirectUrl!, forceLoad: true);
                break;
            case PayOutcome.NotFound:
                _view = null;
                break;
            case PayOutcome.NotPayable:
                _view = await Payments.GetAsync(Access, Number);
                _message = T["Pay_NotPayable"];
                break;
            case PayOutcome.Unavailable:
                _message = T["Pay_Unavailable"];
                break;
        }
    }

    private static string IconOf(PaymentMethodKind method) => method switch
    {
        PaymentMethodKind.Card => MudBlazor.Icons.Material.Filled.CreditCard,
        PaymentMethodKind.Alipay => MudBlazor.Icons.Material.Filled.QrCode2,
        _ => MudBlazor.Icons.Material.Filled.AccountBalance,
    };
}
