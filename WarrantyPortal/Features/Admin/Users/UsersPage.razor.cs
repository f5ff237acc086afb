using Microsoft.AspNetCore.Components;
using MudBlazor;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Features.Admin.Audit;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Admin.Orders;

namespace WarrantyPortal.Features.Admin.Users;

public partial class UsersPage
{
    [Inject] private UserAdminService Users { get; set; } = default!;
    [Inject] private CatalogQuery Catalog { get; set; } = default!;
    [Inject] private AdminActorProvider Actor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IScrollManager Scroll { get; set; } = default!;

    private MudTable<UserRow>? _table;
    private string? _search;
    private UserRow? _selected;
    private IReadOnlyList<UserOrder> _orders = [];
    private IReadOnlyList<CustomerProfile> _profiles = [];
    private bool _revealDetail;

    protected override async Task OnInitializedAsync() => _profiles = await Catalog.ProfilesAsync();

    private async Task<TableData<UserRow>> LoadAsync(TableState state, CancellationToken ct)
    {
        var (rows, total) = await Users.SearchAsync(_search, state.Page * state.PageSize, state.PageSize, ct);
        if (_selected is not null) _selected = rows.FirstOrDefault(r => r.Id == _selected.Id) ?? _selected;
        return new TableData<UserRow> { Items = rows, TotalItems = total };
    }

    private async Task SearchAsync(string value)
    {
        _search = value;
        if (_table is not null) await _table.ReloadServerData();
    }

    private async Task SelectAsync(UserRow? row)
    {
        _selected = row;
        _orders = row is null ? [] : await Users.OrdersAsync(row.Id);
        _revealDetail = row is not null;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // On a phone the user's panel opens below the list: bring it into view (on a wide screen it is already beside the row).
        if (!_revealDetail) return;
        _revealDetail = false;
        await Scroll.ScrollIntoViewAsync("#user-detail", ScrollBehavior.Smooth);
    }

    private Task SetRoleAsync(string role) => ApplyAsync(a => Users.SetRoleAsync(_selected!.Id, role, a), AdminStrings.Get("Users_RoleDone", RoleLook.Label(role)));

    private Task SetProfileAsync(string code) => ApplyAsync(a => Users.SetProfileAsync(_selected!.Id, code, a), AdminStrings.Get("Users_ProfileDone", code));

    private Task ToggleLockAsync() =>
        ApplyAsync(a => Users.SetLockedAsync(_selected!.Id, !_selected.Locked, a), AdminStrings.Get(_selected!.Locked ? "Users_UnlockedDone" : "Users_LockedDone"));

    private async Task ApplyAsync(Func<AdminActor, Task<string?>> change, string success)
    {
        var error = await change(await Actor.CurrentAsync());
        Snackbar.Add(error ?? success, error is null ? Severity.Success : Severity.Error);
        if (_table is not null) await _table.ReloadServerData();
    }
}
