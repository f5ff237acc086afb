using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Features.Purchase;

public sealed partial class BuyPage
{
    /// <summary>Where a visitor's anonymous draft id is kept in the browser until they sign in.</summary>
    public const string DraftIdKey = "wp-purchase-draft";

    private enum Step { Edit, Review }

    [Inject] private PurchaseService Purchase { get; set; } = default!;
    [Inject] private ProtectedLocalStorage Storage { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Auth { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "confirm")] private bool ConfirmOnReturn { get; set; }
    [SupplyParameterFromQuery(Name = "sn")] private string[]? Prefill { get; set; }

    private PurchaseForm? _form;
    private string? _userId;
    private string? _anonymousId;
    private IReadOnlyList<ContactAddress> _addresses = [];
    private IReadOnlyList<string> _problems = [];
    private Step _step;
    private Order? _preview;
    private SubmitResult? _result;
    private bool _touched, _busy, _saved;

    private DraftOwner Owner => _userId is { } id ? DraftOwner.User(id) : DraftOwner.Anonymous(_anonymousId!);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        var user = (await Auth.GetAuthenticationStateAsync()).User;
        _userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        _anonymousId = await StoredDraftIdAsync();
        if (_userId is null && _anonymousId is null)
        {
            _anonymousId = Guid.NewGuid().ToString("N");
            await Storage.SetAsync(DraftIdKey, _anonymousId);
        }

        _form = await Purchase.OpenAsync(_userId, _anonymousId, Prefill ?? []);
        if (Prefill is { Length: > 0 }) await Purchase.SaveDraftAsync(_userId is { } uid ? DraftOwner.User(uid) : DraftOwner.Anonymous(_anonymousId!), _form);
        if (_userId is not null && _anonymousId is not null)
        {
            // The visitor's draft is now the account's.
            await Storage.DeleteAsync(DraftIdKey);
            _anonymousId = null;
        }
        _addresses = await Purchase.AddressesAsync(_userId);
        _problems = _form.Problems();
        _saved = true;
        if (ConfirmOnReturn && _userId is not null && _problems.Count == 0) GoToReview();
        StateHasChanged();
    }

    private async Task<string?> StoredDraftIdAsync()
    {
        try
        {
            var stored = await Storage.GetAsync<string>(DraftIdKey);
            return stored.Success ? stored.Value : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Written under keys this server no longer has: start a new draft rather than fail the page.
            return null;
        }
    }

    private async Task SaveAsync()
    {
        _problems = _form!.Problems();
        _saved = false;
        await Purchase.SaveDraftAsync(Owner, _form);
        _saved = true;
    }

    private async Task RepriceAsync()
    {
        await Purchase.RefreshAsync(_form!);
        await SaveAsync();
    }

    private Task ConsentChangedAsync(bool value)
    {
        _form!.ConsentToImmediateStart = value;
        return SaveAsync();
    }

    private Task RemarkChangedAsync(string value)
    {
        _form!.Remark = value;
        _preview = Purchase.Preview(_userId!, _form);
        return SaveAsync();
    }

    private async Task SaveAddressAsync()
    {
        if (_userId is null) return;
        await Purchase.SaveAddressAsync(_userId, _form!, string.IsNullOrWhiteSpace(_form!.City) ? _form.Line1 : _form.City);
        _addresses = await Purchase.AddressesAsync(_userId);
    }

    private async Task ConfirmAsync()
    {
        _touched = true;
        await SaveAsync();
        if (_problems.Count > 0) return;
        if (_userId is null)
        {
            Nav.NavigateTo($"Account/Login?returnUrl={Uri.EscapeDataString("/buy?confirm=true")}", forceLoad: true);
            return;
        }
        GoToReview();
    }

    private void GoToReview()
    {
        _result = null;
        _preview = Purchase.Preview(_userId!, _form!);
        _step = Step.Review;
    }

    private void BackToEdit() => _step = Step.Edit;

    private async Task SubmitAsync()
    {
        _busy = true;
        try
        {
            _result = await Purchase.SubmitAsync(_userId!, _form!);
            switch (_result.Outcome)
            {
                case SubmitOutcome.Submitted:
                    Nav.NavigateTo($"orders/{Uri.EscapeDataString(_result.OrderNumber!)}/submitted");
                    return;
                case SubmitOutcome.Refused:
                    _step = Step.Edit;
                    break;
                case SubmitOutcome.PricesChanged:
                    _preview = Purchase.Preview(_userId!, _form!);
                    break;
            }
            await SaveAsync();
        }
        finally
        {
            _busy = false;
        }
    }
}
