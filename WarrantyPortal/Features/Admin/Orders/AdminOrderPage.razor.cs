using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using WarrantyPortal.Features.Admin.Audit;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Features.Admin.Orders;

public partial class AdminOrderPage
{
    [Parameter] public string Number { get; set; } = "";

    [Inject] private OrderAdminQuery Query { get; set; } = default!;
    [Inject] private OrderAdminService Orders { get; set; } = default!;
    [Inject] private OutboxResendService Resender { get; set; } = default!;
    [Inject] private OrderChangeNotifier Notifier { get; set; } = default!;
    [Inject] private AdminActorProvider Actor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private OrderPlanChangeService PlanChanges { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;

    private AdminOrderDetails? _d;
    private bool _loaded, _busy;
    private string? _conflict;
    private IDisposable? _subscription;

    /// <summary>Settlement unit prices typed by the admin, by line id, in the order currency's major unit.</summary>
    private readonly Dictionary<int, decimal> _prices = [];
    private List<BreadcrumbItem> _crumbs = [];

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        _subscription?.Dispose();
        // Another admin or the customer changes the order: show it at once.
        if (_d is not null) _subscription = Notifier.Subscribe(_d.Order.Id, () => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }));
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task LoadAsync()
    {
        _d = await Query.GetAsync(Number);
        _loaded = true;
        _crumbs = [new(AdminStrings.Get("Nav_BackOffice"), "admin"), new(AdminStrings.Get("Audit_Title"), "admin/orders"), new(_d?.Order.Number ?? Number, null, disabled: true)];
        _prices.Clear();
        if (_d is null) return;
        foreach (var l in _d.Lines) _prices[l.Id] = l.Line.UnitPrice.Amount;
    }

    private Task ApproveAsync()
    {
        var factor = Domain.Currencies.MinorFactor(_d!.Order.Currency);
        var settled = _prices.ToDictionary(p => p.Key, p => (long)Math.Round(p.Value * factor, MidpointRounding.AwayFromZero));
        return RunAsync(a => Orders.ApproveAsync(_d.Ref, a, settled), AdminStrings.Get("Order_ApprovedDone"));
    }

    private Task RejectAsync(string reason) => RunAsync(a => Orders.RejectAsync(_d!.Ref, a, reason), AdminStrings.Get("Order_RejectedDone"));

    private Task CancelAsync(string reason) => RunAsync(a => Orders.CancelAsync(_d!.Ref, a, reason), AdminStrings.Get("Order_CancelledDone"));

    private Task RemoveLineAsync(int lineId) => RunAsync(a => Orders.RemoveLineAsync(_d!.Ref, a, lineId), AdminStrings.Get("Order_LineRemovedDone"));

    private async Task ChangePlanAsync(AdminOrderLine line)
    {
        var target = _d!.Ref;
        var dialog = await Dialogs.ShowAsync<ChangePlanDialog>(null,
            new DialogParameters<ChangePlanDialog> { { d => d.OrderId, target.Id }, { d => d.LineId, line.Id }, { d => d.SerialNumber, line.Line.SerialNumber } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled || result.Data is not string planCode) return;
        // The version read when the dialog opened: a change made meanwhile by someone else is reported, not overwritten.
        await RunAsync(a => PlanChanges.ChangeAsync(target, a, line.Id, planCode), AdminStrings.Get("ChangePlan_Done"));
    }

    private Task RecordTransferAsync(WireTransferInput input) =>
        RunAsync(a => Orders.RecordTransferAsync(_d!.Ref, a, input), AdminStrings.Get("Order_TransferDone"));

    private Task AddRemarkAsync(string text) => RunAsync(a => Orders.AddRemarkAsync(_d!.Order.Id, a, text), AdminStrings.Get("Order_RemarkDone"));

    private async Task ResendAsync(OutboxRow email)
    {
        await Resender.ResendAsync(email.Id);
        Snackbar.Add(AdminStrings.Get("Trail_ResendDone", email.Subject, email.ToAddress), Severity.Success);
        await LoadAsync();
    }

    private async Task PrintAsync() => await Js.InvokeVoidAsync("print");

    private async Task RunAsync(Func<AdminActor, Task<AdminResult>> action, string success)
    {
        _busy = true;
        _conflict = null;
        try
        {
            var result = await action(await Actor.CurrentAsync());
            if (result.Outcome == AdminOutcome.Conflict) _conflict = result.Message;
            else if (result.Ok) Snackbar.Add(result.Message ?? success, result.Message is null ? Severity.Success : Severity.Warning);
            else Snackbar.Add(result.Message ?? result.Outcome.ToString(), Severity.Error);
            if (result.Ok || result.Outcome == AdminOutcome.Conflict) await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
