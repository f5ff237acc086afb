using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using WarrantyPortal.Domain.Eligibility;
using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Features.WarrantyCheck;

public partial class WarrantyCheckPage
{
    [Inject] private WarrantyCheckService Check { get; set; } = default!;
    [Inject] private ClientAddress Client { get; set; } = default!;
    [Inject] private IOptions<WarrantyCheckOptions> Options { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    /// <summary>Serial numbers from a shared link (/check?sn=…&amp;sn=…), checked as soon as the page is interactive.</summary>
    [SupplyParameterFromQuery(Name = "sn")] private string[]? LinkedSerials { get; set; }

    private readonly List<SerialInput> _inputs = [new()];
    private IReadOnlyList<CheckResult> _results = [];
    private string? _error;
    private string? _notice;
    private bool _busy;

    protected override void OnInitialized()
    {
        if (HttpContext is not null) Client.Value = ClientAddress.Of(HttpContext);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || LinkedSerials is not { Length: > 0 } linked) return;
        _inputs.Clear();
        _inputs.AddRange(linked.Select(s => new SerialInput { Value = s }));
        await RunAsync(linked);
        StateHasChanged();
    }

    private void Add() => _inputs.Add(new SerialInput());

    private void Remove(SerialInput input) => _inputs.Remove(input);

    private async Task OnKeyUpAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter") await QueryAsync();
    }

    private Task QueryAsync() => RunAsync(_inputs.Select(i => i.Value));

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null) return;
        _notice = null;
        if (file.Size > WarrantyCheckWorkbook.MaxUploadBytes)
        {
            _error = T["Upload_TooLarge"];
            return;
        }
        using var buffer = new MemoryStream();
        try
        {
            await using var stream = file.OpenReadStream(WarrantyCheckWorkbook.MaxUploadBytes);
            await stream.CopyToAsync(buffer);
        }
        catch (IOException)
        {
            // The browser's size was wrong: the stream stops at the limit rather than taking more.
            _error = T["Upload_TooLarge"];
            return;
        }
        buffer.Position = 0;
        var max = Options.Value.MaxPerQuery;
        var (serials, problem) = WarrantyCheckWorkbook.Read(buffer, max);
        if (problem is { } p)
        {
            _error = T[$"Upload_{p}", max];
            return;
        }
        _notice = T["Upload_Loaded", serials.Count, file.Name];
        await RunAsync(serials);
    }

    private async Task RunAsync(IEnumerable<string?> serials)
    {
        _busy = true;
        _error = null;
        try
        {
            var outcome = await Check.CheckAsync(serials, Client.Value);
            _error = outcome.Error;
            if (outcome.Error is null) _results = outcome.Results;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ExportAsync()
    {
        string[] headers = [T["Serial"], T["Model"], T["Family"], T["State"], T["WarrantyStart"], T["Expiry"], T["TotalYears"], T["Extensions"], T["Problem"]];
        var bytes = WarrantyCheckWorkbook.Export(_results, s => T[$"State_{s}"], f => E.FamilyName(f), headers);
        await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/download.js");
        using var streamRef = new DotNetStreamReference(new MemoryStream(bytes));
        await module.InvokeVoidAsync("downloadFile", "warranty-check.xlsx", streamRef);
    }

    private sealed class SerialInput
    {
        public string? Value { get; set; }
    }
}
