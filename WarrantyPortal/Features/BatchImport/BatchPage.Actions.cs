using Microsoft.JSInterop;
using WarrantyPortal.Domain.Catalog;

namespace WarrantyPortal.Features.BatchImport;

/// <summary>What the user does with a preview: change terms or plans, drop or download refused rows, continue.</summary>
public sealed partial class BatchPage
{
    private async Task CountryChangedAsync(string code)
    {
        var country = Countries.Get(code);
        _terms = _terms with { Country = country.Code, Currency = country.Accepts(_terms.Currency) ? _terms.Currency : country.DefaultCurrency };
        await RecheckAsync();
    }

    private async Task CurrencyChangedAsync(string currency)
    {
        _terms = _terms with { Currency = currency };
        await RecheckAsync();
    }

    private async Task TaxIdChangedAsync(string? taxId)
    {
        _terms = _terms with { TaxId = string.IsNullOrWhiteSpace(taxId) ? null : taxId.Trim() };
        await RecheckAsync();
    }

    /// <summary>New terms: every row is checked and priced again, keeping the plans chosen.</summary>
    private async Task RecheckAsync()
    {
        if (_preview is null) return;
        var choices = _preview.Rows.Where(r => r.Chosen is not null).ToDictionary(r => r.LineNumber, r => r.Chosen!.PlanCode);
        await CheckAsync(_preview.FileName, _rows, choices, save: true);
    }

    private Task ChoosePlanAsync((int Line, string Plan) choice) =>
        SetAsync(BatchPreviewService.ChoosePlan(_preview!, choice.Line, choice.Plan));

    private Task ChoosePlanForAllAsync(string plan) => SetAsync(BatchPreviewService.ChoosePlanForAll(_preview!, plan));

    private Task RemoveRefusedAsync()
    {
        var kept = _preview!.Rows.Where(r => r.IsOk).Select(r => r.LineNumber).ToHashSet();
        _rows = _rows.Where(r => kept.Contains(r.LineNumber)).ToList();
        return SetAsync(BatchPreviewService.RemoveRefused(_preview));
    }

    private async Task SetAsync(BatchPreview preview)
    {
        _preview = preview;
        _notice = null;
        await Store.SaveAsync(_userId, preview);
    }

    private async Task DownloadRefusedAsync()
    {
        var codes = (await Catalog.PlansAsync()).Select(p => p.Code).Order(StringComparer.Ordinal).ToList();
        var bytes = Templates.Refill(BatchPreviewService.RefillRows(_preview!), codes);
        using var stream = new DotNetStreamReference(new MemoryStream(bytes));
        await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/download.js");
        await module.InvokeVoidAsync("downloadFile", T["Refill_FileName"].Value, stream);
        _addMode = true;
        _notice = T["File_RefillNext"];
    }

    private async Task StartAgainAsync()
    {
        await Store.DeleteAsync(_userId);
        (_preview, _rows, _error, _notice, _addMode) = (null, [], null, null, false);
    }

    private async Task ContinueAsync()
    {
        await Store.ToPurchaseDraftAsync(_userId, _preview!);
        Nav.NavigateTo("/buy?confirm=true");
    }
}
