using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace WarrantyPortal.Features.Accounts;

public partial class AddressBookCard
{
    private IReadOnlyList<ContactAddress> _addresses = [];

    [Parameter, EditorRequired] public string UserId { get; set; } = "";

    [Parameter] public string? DefaultRecipient { get; set; }

    [Parameter] public string? DefaultCountry { get; set; }

    [Parameter] public string? DefaultPhone { get; set; }

    protected override async Task OnParametersSetAsync() => _addresses = await Addresses.ListAsync(UserId);

    private string KindTitle(AddressKind kind) => T[kind == AddressKind.Billing ? "Address_Billing" : "Address_Installation"];

    private static string Format(ContactAddress a) => string.Join("\n", new[]
    {
        a.Recipient,
        a.Line1,
        a.Line2,
        $"{a.PostalCode} {a.City}".Trim(),
        string.Join(", ", new[] { a.Region, CountryList.Name(a.Country) }.Where(s => !string.IsNullOrWhiteSpace(s))),
        a.Phone,
    }.Where(s => !string.IsNullOrWhiteSpace(s)));

    private async Task EditAsync(ContactAddress? existing, AddressKind kind)
    {
        var form = existing is null
            ? new AddressForm { Kind = kind, Recipient = DefaultRecipient ?? "", Country = DefaultCountry ?? "", Phone = DefaultPhone }
            : AddressForm.From(existing);
        var parameters = new DialogParameters<AddressDialog> { { d => d.Form, form }, { d => d.UserId, UserId } };
        var title = existing is null ? T["Address_AddTitle", KindTitle(kind).ToLowerInvariant()] : T["Address_EditTitle"];
        var dialog = await Dialogs.ShowAsync<AddressDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            Snackbar.Add(T["Address_Saved"], Severity.Success);
            _addresses = await Addresses.ListAsync(UserId);
        }
    }

    private async Task MakeDefaultAsync(ContactAddress a)
    {
        await Addresses.SetDefaultAsync(UserId, a.Id);
        _addresses = await Addresses.ListAsync(UserId);
    }

    private async Task DeleteAsync(ContactAddress a)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(T["Address_DeleteTitle"], T["Address_DeleteConfirm", string.IsNullOrEmpty(a.Label) ? a.Line1 : a.Label],
            yesText: T["Address_Delete"], cancelText: T["Common_Cancel"]);
        if (confirmed != true) return;
        await Addresses.DeleteAsync(UserId, a.Id);
        Snackbar.Add(T["Address_Deleted"], Severity.Info);
        _addresses = await Addresses.ListAsync(UserId);
    }
}
