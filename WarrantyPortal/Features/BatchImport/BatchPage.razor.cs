using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Registry;

namespace WarrantyPortal.Features.BatchImport;

public sealed partial class BatchPage : IDisposable
{
    [Inject] private SerialListReader Reader { get; set; } = default!;
    [Inject] private BatchPreviewService Previews { get; set; } = default!;
    [Inject] private BatchDraftStore Store { get; set; } = default!;
    [Inject] private BatchTemplates Templates { get; set; } = default!;
    [Inject] private CatalogQuery Catalog { get; set; } = default!;
    [Inject] private AccountService Accounts { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private BatchTerms _terms = new("FR", "EUR", null, CustomerProfile.CustomerCode);
    private CustomerProfile? _profile;
    private string _userId = "";
    private BatchPreview? _preview;
    private IReadOnlyList<SerialListRow> _rows = [];
    private CancellationTokenSource? _cts;
    private bool _busy, _loaded, _dragging, _addMode;
    private double _progress;
    private DateTime _lastRender;
    private string? _phase, _error, _notice;

    private string DropClass => "d-flex flex-column align-center justify-center gap-1 pa-6 rounded-lg text-center "
        + (_dragging ? "mud-theme-primary" : "mud-background-gray");

    private string ProfileLine
    {
        get
        {
            var tiers = string.Join(", ", _profile!.Tiers.Where(t => t.DiscountBasisPoints > 0).Select(t => T["Terms_Tier", t.MinQuantity, t.DiscountBasisPoints / 100m].Value));
            var name = _profile.Name(CultureInfo.CurrentUICulture);
            return _profile.DiscountBasisPoints > 0 ? T["Terms_Profile", name, _profile.DiscountBasisPoints / 100m, tiers] : T["Terms_ProfileTiersOnly", name, tiers];
        }
    }

    private static string CountryName(string? code) => Countries.Find(code)?.Name(CultureInfo.CurrentUICulture) ?? "";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        var user = (await AuthState).User;
        _userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var profileCode = user.IsInRole(Roles.Reseller) ? CustomerProfile.ResellerCode : CustomerProfile.CustomerCode;
        var saved = await Store.LoadAsync(_userId);
        if (saved is not null)
        {
            _terms = saved.Terms with { ProfileCode = profileCode };
        }
        else if (await Accounts.GetProfileAsync(_userId) is { } account && Countries.Find(account.Country) is { } country)
        {
            _terms = new BatchTerms(country.Code, country.DefaultCurrency, account.TaxId, profileCode);
        }
        else
        {
            _terms = _terms with { ProfileCode = profileCode };
        }
        _profile = await Catalog.ProfileAsync(profileCode);
        _loaded = true;
        StateHasChanged();
        if (saved is not null)
        {
            var ok = await CheckAsync(saved.FileName, BatchDraftStore.RowsOf(saved), BatchDraftStore.ChoicesOf(saved), save: false);
            if (ok)
            {
                _notice = T["File_Restored", saved.FileName];
                StateHasChanged();
            }
        }
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null || _busy) return;
        _error = _notice = null;
        if (Reader.CheckSize(file.Size) is { } tooLarge)
        {
            _error = T["File_Refused", file.Name, tooLarge.Message] + " " + T["File_KeptPrevious"];
            return;
        }
        _cts = new CancellationTokenSource();
        Start(T["File_Reading", file.Name]);
        SerialListReadResult read;
        try
        {
            await using var stream = file.OpenReadStream(Reader.Limits.MaxFileBytes + 1, _cts.Token);
            read = await Reader.ReadAsync(stream, new UiProgress(this, 0, 0.4), _cts.Token);
        }
        catch (OperationCanceledException)
        {
            Stop(notice: T["File_Cancelled"]);
            return;
        }
        if (!read.Succeeded)
        {
            Stop(error: T["File_Refused", file.Name, read.Error!.Message] + " " + T["File_KeptPrevious"]);
            return;
        }
        if (_addMode && _preview is not null)
        {
            var rows = Previews.Append(_preview, _rows, read.Rows);
            if (rows.Count > Reader.Limits.MaxRows)
            {
                Stop(error: T["File_AppendTooMany", file.Name, Reader.Limits.MaxRows]);
                return;
            }
            var choices = _preview.Rows.Where(r => r.Chosen is not null).ToDictionary(r => r.LineNumber, r => r.Chosen!.PlanCode);
            if (await CheckAsync($"{_preview.FileName} + {file.Name}", rows, choices, save: true)) _addMode = false;
            return;
        }
        await CheckAsync(file.Name, read.Rows, null, save: true);
    }

    /// <summary>Checks and prices rows; the preview (and the saved batch) only change when all of it worked.</summary>
    private async Task<bool> CheckAsync(string fileName, IReadOnlyList<SerialListRow> rows, IReadOnlyDictionary<int, string>? choices, bool save)
    {
        _cts ??= new CancellationTokenSource();
        Start(T["File_Checking", rows.Count]);
        try
        {
            var preview = await Previews.BuildAsync(_terms, fileName, rows, new UiProgress(this, 0.4, 1), _cts.Token);
            if (choices is not null) preview = BatchPreviewService.ApplyChoices(preview, choices);
            if (save) await Store.SaveAsync(_userId, preview, _cts.Token);
            (_preview, _rows) = (preview, rows);
            Stop();
            return true;
        }
        catch (OperationCanceledException)
        {
            Stop(notice: T["File_Cancelled"]);
        }
        catch (RegistryUnavailableException)
        {
            Stop(error: T["File_RegistryDown"]);
        }
        return false;
    }

    private void Start(string phase)
    {
        (_busy, _phase, _progress) = (true, phase, 0);
        StateHasChanged();
    }

    private void Stop(string? error = null, string? notice = null)
    {
        (_busy, _error, _notice) = (false, error, notice);
        _cts?.Dispose();
        _cts = null;
        StateHasChanged();
    }

    private void Cancel() => _cts?.Cancel();

    public void Dispose() => _cts?.Cancel();

    /// <summary>Maps a stage's 0–1 progress onto part of the bar and repaints at most ten times a second.</summary>
    private sealed class UiProgress(BatchPage page, double from, double to) : IProgress<double>
    {
        public void Report(double value)
        {
            page._progress = from + (to - from) * Math.Clamp(value, 0, 1);
            if (DateTime.UtcNow - page._lastRender < TimeSpan.FromMilliseconds(100)) return;
            page._lastRender = DateTime.UtcNow;
            _ = page.InvokeAsync(page.StateHasChanged);
        }
    }
}
