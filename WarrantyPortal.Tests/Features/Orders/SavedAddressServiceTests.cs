using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Tests.Features.Orders;

public class SavedAddressServiceTests : IDisposable
{
    private readonly OrdersHarness _h = new();
    private readonly SavedAddressService _addresses;

    public SavedAddressServiceTests() => _addresses = new SavedAddressService(_h.Db, _h.Clock);

    public void Dispose() => _h.Dispose();

    private static SavedAddressForm Form(string label, int? id = null) => new(id, label, "3 rue du Soleil", null, "69001", "Lyon", "fr");

    [Fact]
    public async Task SaveAsync_NewAddresses_ListedForTheirOwnerOnlyByLabel()
    {
        await _addresses.SaveAsync(OrdersHarness.Alice, Form("Warehouse"));
        await _addresses.SaveAsync(OrdersHarness.Alice, Form("Home"));
        await _addresses.SaveAsync(OrdersHarness.Bob, Form("Bob's site"));

        var mine = await _addresses.ListAsync(OrdersHarness.Alice);

        Assert.Equal(["Home", "Warehouse"], mine.Select(a => a.Label));
        Assert.Equal("FR", mine[0].Country);
    }

    [Fact]
    public async Task SaveAsync_AnotherUsersId_NullAndTheirAddressUnchanged()
    {
        var bobs = await _addresses.SaveAsync(OrdersHarness.Bob, Form("Bob's site"));

        Assert.Null(await _addresses.SaveAsync(OrdersHarness.Alice, Form("Taken over", bobs!.Id)));
        Assert.False(await _addresses.DeleteAsync(OrdersHarness.Alice, bobs.Id));
        Assert.Equal("Bob's site", Assert.Single(await _addresses.ListAsync(OrdersHarness.Bob)).Label);
    }
}
