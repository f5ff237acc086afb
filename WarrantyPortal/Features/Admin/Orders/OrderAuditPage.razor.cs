using Microsoft.AspNetCore.Components;
using MudBlazor;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Audit;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Features.Admin.Orders;

public partial class OrderAuditPage
{
    [Inject] private OrderAuditQuery Query { get; set; } = default!;
    [Inject] private OrderAdminService Orders { get; set; } = default!;
    [Inject] private OrderChangeNotifier Notifier { get; set; } = default!;
    [Inject] private AdminActorProvider Actor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private MudDataGrid<OrderAuditRow>? _grid;
    private OrderAuditFilter _f = new() { Status = OrderStatus.Submitted };
    private string _statusChip = nameof(OrderStatus.Submitted);
    private OrderAuditSort _sort = OrderAuditSort.SubmittedAt;
    private bool _desc = true;
    private IReadOnlyDictionary<OrderStatus, int> _counts = new Dictionary<OrderStatus, int>();
    private bool _capped;
    private string? _pagerFormat; // null: the pager's own "1-25 of 77", in the admin's language
    private HashSet<OrderAuditRow> _selected = [];
    private DateRange? _dates;
    private decimal? _totalFrom, _totalTo;
    private string? _rejectReason;
    private bool _reasonMissing, _busy;
    private IDisposable? _subscription;

    protected override void OnInitialized()
    {
        // Orders arrive and change while the page is open: reload the page of rows and the counts when they do.
        _subscription = Notifier.SubscribeAll(_ => InvokeAsync(RefreshAsync));
    }

    public void Dispose() => _subscription?.Dispose();

    private string ExportUrl(string kind) => $"admin/orders/export.{kind}{new OrderAuditCriteria(_f, _sort, _desc).ToQueryString()}";

    private async Task<GridData<OrderAuditRow>> LoadAsync(GridState<OrderAuditRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        (_sort, _desc) = sort is null ? (OrderAuditSort.SubmittedAt, true) : (SortOf(sort.SortBy), sort.Descending);
        var page = await Query.PageAsync(_f, _sort, _desc, state.Page * state.PageSize, state.PageSize, ct);
        _counts = page.CountByStatus;
        _capped = page.CountsCapped;
        _pagerFormat = page.TotalIs switch
        {
            OrderAuditTotal.MoreThanCap => AdminStrings.Get("Audit_PagerMoreThan", page.Total),
            OrderAuditTotal.Open => AdminStrings.Get("Audit_PagerOpen"),
            _ => null,
        };
        StateHasChanged(); // the status chips show the counts read with the rows
        return new GridData<OrderAuditRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private static OrderAuditSort SortOf(string? column) => column switch
    {
        nameof(OrderAuditRow.Number) => OrderAuditSort.Number,
        nameof(OrderAuditRow.Status) => OrderAuditSort.Status,
        nameof(OrderAuditRow.Customer) => OrderAuditSort.Customer,
        nameof(OrderAuditRow.Company) => OrderAuditSort.Company,
        nameof(OrderAuditRow.Country) => OrderAuditSort.Country,
        nameof(OrderAuditRow.PaymentMethod) => OrderAuditSort.PaymentMethod,
        nameof(OrderAuditRow.Total) => OrderAuditSort.Total,
        _ => OrderAuditSort.SubmittedAt,
    };

    // Reloading the grid reads the status counts with the rows.
    private async Task RefreshAsync()
    {
        if (_grid is not null) await _grid.ReloadServerData();
        StateHasChanged();
    }

    private async Task SetAsync(OrderAuditFilter filter)
    {
        _f = filter;
        ClearSelection();
        await RefreshAsync();
    }

    private Task OnStatusChipAsync(string value)
    {
        _statusChip = value ?? "all";
        return SetAsync(_f with { Status = Enum.TryParse<OrderStatus>(_statusChip, out var s) ? s : null });
    }

    private Task OnDatesAsync(DateRange? range)
    {
        _dates = range;
        return SetAsync(_f with
        {
            SubmittedFromUtc = range?.Start is { } s ? DateTime.SpecifyKind(s.Date, DateTimeKind.Local).ToUniversalTime() : null,
            SubmittedToUtc = range?.End is { } e ? DateTime.SpecifyKind(e.Date.AddDays(1), DateTimeKind.Local).ToUniversalTime() : null,
        });
    }

    private Task OnTotalAsync(decimal? from, decimal? to)
    {
        (_totalFrom, _totalTo) = (from, to);
        var factor = Currencies.MinorFactor(_f.Currency ?? "EUR");
        return SetAsync(_f with { TotalFromMinor = from is { } a ? (long)(a * factor) : null, TotalToMinor = to is { } b ? (long)(b * factor) : null });
    }

    private Task ClearAsync()
    {
        (_dates, _totalFrom, _totalTo, _statusChip) = (null, null, null, "all");
        return SetAsync(new OrderAuditFilter());
    }

    private void OnSelectionChanged(HashSet<OrderAuditRow> rows) => _selected = rows;

    private void ClearSelection()
    {
        _selected = [];
        _reasonMissing = false;
    }

    private async Task ApproveSelectedAsync()
    {
        _busy = true;
        var results = await Orders.ApproveManyAsync(_selected.Select(r => new OrderRef(r.Id, r.Version)).ToList(), await Actor.CurrentAsync());
        Report(results, "Audit_ApprovedDone");
    }

    private async Task RejectSelectedAsync()
    {
        _reasonMissing = string.IsNullOrWhiteSpace(_rejectReason);
        if (_reasonMissing) return;
        _busy = true;
        var results = await Orders.RejectManyAsync(_selected.Select(r => new OrderRef(r.Id, r.Version)).ToList(), await Actor.CurrentAsync(), _rejectReason!);
        _rejectReason = null;
        Report(results, "Audit_RejectedDone");
    }

    private void Report(IReadOnlyDictionary<Guid, AdminResult> results, string doneKey)
    {
        _busy = false;
        var done = results.Values.Count(r => r.Ok);
        if (done > 0) Snackbar.Add(AdminStrings.Get(doneKey, done), Severity.Success);
        foreach (var failed in results.Values.Where(r => !r.Ok)) Snackbar.Add(failed.Message ?? failed.Outcome.ToString(), Severity.Warning);
        ClearSelection();
    }
}
