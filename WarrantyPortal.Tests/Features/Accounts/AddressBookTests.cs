using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Accounts;

public sealed class AddressBookTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly ManualClock _clock = new();
    private readonly AddressBook _book;

    public AddressBookTests() => _book = new AddressBook(_db, _clock);

    public void Dispose() => _db.Dispose();

    private static AddressForm Form(string label, AddressKind kind = AddressKind.Billing, bool isDefault = false) => new()
    {
        Kind = kind, Label = label, Recipient = "Ana Martin", Line1 = "12 rue des Lilas", PostalCode = "69001", City = "Lyon", Country = "fr", IsDefault = isDefault,
    };

    private async Task<string> UserAsync(string email = "ana@example.com") => (await AccountsTestKit.AddUserAsync(_db, email)).Id;

    private async Task<string[]> DefaultsAsync(string userId, AddressKind kind) =>
        (await _book.ListAsync(userId, kind)).Where(a => a.IsDefault).Select(a => a.Label).ToArray();

    [Fact]
    public async Task SaveAsync_FirstOfEachKind_BecomesTheDefault()
    {
        var user = await UserAsync();

        await _book.SaveAsync(user, Form("Head office"));
        await _book.SaveAsync(user, Form("Branch"));
        await _book.SaveAsync(user, Form("Barn roof", AddressKind.Installation));

        Assert.Equal(["Head office"], await DefaultsAsync(user, AddressKind.Billing));
        Assert.Equal(["Barn roof"], await DefaultsAsync(user, AddressKind.Installation));
        Assert.Equal("Head office", (await _book.GetDefaultAsync(user, AddressKind.Billing))!.Label);
    }

    [Fact]
    public async Task SaveAsync_NewDefault_ReplacesThePreviousOne()
    {
        var user = await UserAsync();
        await _book.SaveAsync(user, Form("Head office"));

        await _book.SaveAsync(user, Form("Branch", isDefault: true));

        Assert.Equal(["Branch"], await DefaultsAsync(user, AddressKind.Billing));
    }

    [Fact]
    public async Task SaveAsync_Edit_UpdatesFieldsAndNormalisesCountry()
    {
        var user = await UserAsync();
        var saved = await _book.SaveAsync(user, Form("Head office"));
        var edit = AddressForm.From(saved);
        edit.City = "  Villeurbanne ";
        edit.Line2 = "  ";

        await _book.SaveAsync(user, edit);

        var reloaded = (await _book.GetAsync(user, saved.Id))!;
        Assert.Equal("Villeurbanne", reloaded.City);
        Assert.Null(reloaded.Line2);
        Assert.Equal("FR", reloaded.Country);
        Assert.Single(await _book.ListAsync(user));
    }

    [Fact]
    public async Task SaveAsync_DefaultMovedToOtherKind_EachKindKeepsOneDefault()
    {
        var user = await UserAsync();
        var office = await _book.SaveAsync(user, Form("Head office"));
        await _book.SaveAsync(user, Form("Branch"));
        await _book.SaveAsync(user, Form("Barn roof", AddressKind.Installation));
        var move = AddressForm.From(office);
        move.Kind = AddressKind.Installation;
        move.IsDefault = false;

        await _book.SaveAsync(user, move);

        Assert.Equal(["Branch"], await DefaultsAsync(user, AddressKind.Billing));
        Assert.Equal(["Barn roof"], await DefaultsAsync(user, AddressKind.Installation));
    }

    [Fact]
    public async Task DeleteAsync_TheDefault_OldestRemainingTakesOver()
    {
        var user = await UserAsync();
        var office = await _book.SaveAsync(user, Form("Head office"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _book.SaveAsync(user, Form("Branch"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _book.SaveAsync(user, Form("Warehouse"));

        Assert.True(await _book.DeleteAsync(user, office.Id));

        Assert.Equal(["Branch"], await DefaultsAsync(user, AddressKind.Billing));
        Assert.Equal(2, (await _book.ListAsync(user)).Count);
    }

    [Fact]
    public async Task SetDefaultAsync_AnotherAddress_BecomesTheOnlyDefault()
    {
        var user = await UserAsync();
        await _book.SaveAsync(user, Form("Head office"));
        var branch = await _book.SaveAsync(user, Form("Branch"));

        Assert.True(await _book.SetDefaultAsync(user, branch.Id));

        Assert.Equal(["Branch"], await DefaultsAsync(user, AddressKind.Billing));
    }

    [Fact]
    public async Task Methods_AnotherUsersAddress_AreRefused()
    {
        var ana = await UserAsync();
        var bob = await UserAsync("bob@example.com");
        var anas = await _book.SaveAsync(ana, Form("Head office"));
        var steal = AddressForm.From(anas);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => _book.SaveAsync(bob, steal));
        Assert.False(await _book.DeleteAsync(bob, anas.Id));
        Assert.False(await _book.SetDefaultAsync(bob, anas.Id));
        Assert.Null(await _book.GetAsync(bob, anas.Id));
        Assert.Empty(await _book.ListAsync(bob));
    }

    [Fact]
    public async Task SaveAsync_MissingRequiredFields_RefusedAndNamesThem()
    {
        var user = await UserAsync();
        var form = Form("Head office");
        form.City = " ";
        form.Country = "XX";

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _book.SaveAsync(user, form));

        Assert.Contains("City", error.Message);
        Assert.Contains("Country", error.Message);
        Assert.Empty(await _book.ListAsync(user));
    }
}
