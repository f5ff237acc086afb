using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Orders;

public partial class MyOrdersPage
{
    private const string All = "all";
    private const int PageSize = 10;

    [Inject] private OrderQuery Query { get; set; } = default!;
    [Inject] private OrderChangeNotifier Notifier { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private OrderListPage? _page;
    private string? _search;
    private string _status = All;
    private int _pageNumber = 1;
    private string _userId = "";
    private IDisposable? _subscription;

    private bool Filtered => !string.IsNullOrWhiteSpace(_search) || _status != All;
    private int PageCount => _page is null ? 0 : (_page.TotalCount + PageSize - 1) / PageSize;

    private IEnumerable<(OrderStatus Status, int Count)> StatusCounts =>
        Enum.GetValues<OrderStatus>().Where(s => _page?.CountByStatus.ContainsKey(s) == true || _status == s.ToString())
            .Select(s => (s, _page?.CountByStatus.GetValueOrDefault(s) ?? 0));

    protected override async Task OnInitializedAsync()
    {
        _userId = (await Auth).User.UserId();
        await LoadAsync();
        if (RendererInfo.IsInteractive) _subscription = Notifier.SubscribeAll(OnOrderChangedAsync);
    }

    // A status changed elsewhere (an admin's audit, a payment): refresh if that order is on screen.
    private Task OnOrderChangedAsync(Guid orderId) => _page?.Items.Any(i => i.Id == orderId) == true
        ? InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); })
        : Task.CompletedTask;

    public void Dispose() => _subscription?.Dispose();

    private async Task LoadAsync()
    {
        OrderStatus? status = Enum.TryParse<OrderStatus>(_status, out var s) ? s : null;
        _page = await Query.ListAsync(_userId, new OrderListFilter(_search, status, _pageNumber, PageSize));
    }

    private async Task OnSearchAsync(string? value)
    {
        _search = value;
        _pageNumber = 1;
        await LoadAsync();
    }

    private async Task OnStatusAsync(string? value)
    {
        _status = value ?? All;
        _pageNumber = 1;
        await LoadAsync();
    }

    private async Task OnPageAsync(int page)
    {
        _pageNumber = page;
        await LoadAsync();
    }

    private async Task ClearAsync()
    {
        (_search, _status, _pageNumber) = (null, All, 1);
        await LoadAsync();
    }
}
