using MudBlazor;

namespace WarrantyPortal.Features.Notifications;

public partial class OutboxPage
{
    private MudTable<OutboxRow>? _table;
    private string _statusFilter = "all";
    private string? _search;
    private Dictionary<OutboxStatus, int> _counts = [];
    private OutboxRow? _selected;
    private (string Html, string Text)? _body;

    protected override async Task OnInitializedAsync() => _counts = await Query.CountsAsync();

    private async Task<TableData<OutboxRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        OutboxStatus? status = Enum.TryParse<OutboxStatus>(_statusFilter, out var s) ? s : null;
        var page = await Query.RunAsync(status, _search, state.Page * state.PageSize, state.PageSize, ct);
        return new TableData<OutboxRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private async Task OnStatusChanged(string value)
    {
        _statusFilter = value ?? "all";
        if (_table is not null) await _table.ReloadServerData();
    }

    private async Task OnSearch(string value)
    {
        _search = value;
        if (_table is not null) await _table.ReloadServerData();
    }

    private async Task ShowAsync(OutboxRow row)
    {
        _selected = row;
        _body = await Query.BodyAsync(row.Id);
    }

    private async Task ResendAsync(OutboxRow row)
    {
        await Resender.ResendAsync(row.Id);
        Snackbar.Add(WarrantyPortal.Features.Admin.Orders.AdminStrings.Get("Outbox_Requeued", row.ToAddress), Severity.Success);
        _counts = await Query.CountsAsync();
        if (_table is not null) await _table.ReloadServerData();
    }

    private static Color ColorOf(OutboxStatus s) => s switch
    {
        OutboxStatus.Sent => Color.Success,
        OutboxStatus.Failed => Color.Error,
        _ => Color.Warning,
    };
}
