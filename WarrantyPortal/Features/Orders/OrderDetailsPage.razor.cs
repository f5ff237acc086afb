using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Orders;

public partial class OrderDetailsPage
{
    [Inject] private OrderQuery Query { get; set; } = default!;
    [Inject] private CustomerOrderService Orders { get; set; } = default!;
    [Inject] private OrderChangeNotifier Notifier { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [Parameter] public string Number { get; set; } = "";
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private OrderDetails? _order;
    private bool _loaded;
    private bool _busy;
    private string _userId = "";
    private string _userName = "";
    private IDisposable? _subscription;

    private OrderStatus? StoppedFrom => _order?.History.LastOrDefault()?.From;

    private string Banner => _order!.Status switch
    {
        OrderStatus.Rejected or OrderStatus.Cancelled => T[$"Banner_{_order.Status}", _order.CloseReason ?? "—"],
        var s => T[$"Banner_{s}"],
    };

    protected override async Task OnParametersSetAsync()
    {
        var user = (await Auth).User;
        _userId = user.UserId();
        _userName = user.Identity?.Name ?? "";
        await LoadAsync();
        _subscription?.Dispose();
        _subscription = null;
        // Only a live circuit listens; the prerendered copy is thrown away.
        if (_order is not null && RendererInfo.IsInteractive)
        {
            _subscription = Notifier.Subscribe(_order.Id, () => InvokeAsync(OnChangedElsewhereAsync));
        }
    }

    private async Task LoadAsync()
    {
        _order = await Query.GetAsync(_userId, Number);
        _loaded = true;
    }

    private async Task OnChangedElsewhereAsync()
    {
        var before = _order?.Status;
        await LoadAsync();
        if (_order is not null && _order.Status != before) Snackbar.Add(T["Live_Updated"], Severity.Info);
        StateHasChanged();
    }

    private async Task CancelAsync()
    {
        var dialog = await Dialogs.ShowAsync<CancelOrderDialog>(null,
            new DialogParameters<CancelOrderDialog> { { d => d.Number, _order!.Number } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled || result.Data is not string reason) return;

        _busy = true;
        var outcome = await Orders.CancelAsync(_userId, _userName, _order.Number, reason);
        _busy = false;
        await LoadAsync();
        switch (outcome)
        {
            case CancelOutcome.Cancelled: Snackbar.Add(T["Cancel_Done", _order!.Number], Severity.Success); break;
            case CancelOutcome.NotAllowed: Snackbar.Add(T["Cancel_NotAllowed"], Severity.Warning); break;
            case CancelOutcome.Conflict: Snackbar.Add(T["Cancel_Conflict"], Severity.Warning); break;
        }
    }

    private async Task ReorderAsync()
    {
        _busy = true;
        if (await Orders.ReorderAsync(_userId, _order!.Number))
        {
            Snackbar.Add(T["Reorder_Done", _order.Number], Severity.Info);
            Nav.NavigateTo("buy");
        }
        _busy = false;
    }

    public void Dispose() => _subscription?.Dispose();
}
