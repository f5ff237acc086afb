using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Accounts;

public sealed class AccountServiceTests : IDisposable
{
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task UpdateProfileAsync_ValidForm_SavedTrimmedAndReadBack()
    {
        var user = await AccountsTestKit.AddUserAsync(_db, "ana@example.com");
        var service = new AccountService(_db);

        var saved = await service.UpdateProfileAsync(user.Id, new ProfileForm
        {
            FullName = "  Ana Martin-Durand ", Country = "be", Phone = "+32 2 555 01 02", Company = "Soleil SPRL", TaxId = "BE0123456789", PreferredCulture = "fr",
        });

        Assert.True(saved);
        var profile = (await service.GetProfileAsync(user.Id))!;
        Assert.Equal(("Ana Martin-Durand", "BE", "+32 2 555 01 02", "Soleil SPRL", "BE0123456789", "fr"),
            (profile.FullName, profile.Country, profile.Phone, profile.Company, profile.TaxId, profile.PreferredCulture));
        Assert.Equal("ana@example.com", profile.Email);
    }

    [Fact]
    public async Task UpdateProfileAsync_BlankOptionalFields_StoredAsEmpty()
    {
        var user = await AccountsTestKit.AddUserAsync(_db, "ana@example.com");
        var service = new AccountService(_db);

        await service.UpdateProfileAsync(user.Id, new ProfileForm { FullName = "Ana", Country = "FR", Company = " ", TaxId = "", PreferredCulture = "xx" });

        var profile = (await service.GetProfileAsync(user.Id))!;
        Assert.Null(profile.Company);
        Assert.Null(profile.TaxId);
        Assert.Equal("en", profile.PreferredCulture);
    }

    [Fact]
    public async Task UpdateProfileAsync_UnknownCountry_Refused()
    {
        var user = await AccountsTestKit.AddUserAsync(_db, "ana@example.com");

        await Assert.ThrowsAsync<ArgumentException>(() => new AccountService(_db).UpdateProfileAsync(user.Id, new ProfileForm { FullName = "Ana", Country = "Narnia" }));
    }

    [Fact]
    public void CountryList_All_NamesCountriesInTheCurrentLanguage()
    {
        var all = CountryList.All();

        Assert.True(all.Count > 150);
        Assert.Contains(all, c => c.Code == "DE");
        using (WarrantyPortal.Features.Notifications.CultureScope.Use("fr"))
        {
            Assert.Equal("Allemagne", CountryList.Name("DE"));
        }
        using (WarrantyPortal.Features.Notifications.CultureScope.Use("en"))
        {
            Assert.Equal("Germany", CountryList.Name("DE"));
        }
    }
}
