using WarrantyPortal.Features.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Orders;

public class PurchaseDraftServiceTests
{
    private static PurchaseDraftContent Content(params string[] serials) =>
        new() { Country = "FR", Currency = "EUR", Lines = serials.Select(s => new PurchaseDraftLine(s, "EXT5")).ToList() };

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task SaveAsync_ThenLoad_SameContentAndLastSaveWins(string provider)
    {
        using var h = new OrdersHarness(provider);
        var me = DraftOwner.User(OrdersHarness.Alice);
        await h.Drafts.SaveAsync(me, Content("SN-1"));
        await h.Drafts.SaveAsync(me, Content("SN-1", "SN-2"));

        var loaded = await h.Drafts.LoadAsync(me);

        Assert.Equal(["SN-1", "SN-2"], loaded!.Lines.Select(l => l.SerialNumber));
        Assert.Null(await h.Drafts.LoadAsync(DraftOwner.User(OrdersHarness.Bob)));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ClaimAnonymousAsync_VisitorSignsIn_DraftMovesToTheAccount(string provider)
    {
        using var h = new OrdersHarness(provider);
        var visitor = DraftOwner.Anonymous("anon-123");
        await h.Drafts.SaveAsync(visitor, Content("SN-9"));

        var claimed = await h.Drafts.ClaimAnonymousAsync("anon-123", OrdersHarness.Alice);

        Assert.Equal("SN-9", Assert.Single(claimed!.Lines).SerialNumber);
        Assert.Equal("SN-9", Assert.Single((await h.Drafts.LoadAsync(DraftOwner.User(OrdersHarness.Alice)))!.Lines).SerialNumber);
        Assert.Null(await h.Drafts.LoadAsync(visitor));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ClaimAnonymousAsync_AccountDraftIsNewer_KeepsTheAccountDraft(string provider)
    {
        using var h = new OrdersHarness(provider);
        await h.Drafts.SaveAsync(DraftOwner.Anonymous("anon-1"), Content("OLD"));
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        await h.Drafts.SaveAsync(DraftOwner.User(OrdersHarness.Alice), Content("NEW"));

        var claimed = await h.Drafts.ClaimAnonymousAsync("anon-1", OrdersHarness.Alice);

        Assert.Equal("NEW", Assert.Single(claimed!.Lines).SerialNumber);
        Assert.Null(await h.Drafts.LoadAsync(DraftOwner.Anonymous("anon-1")));
    }

    [Fact]
    public async Task ClaimAnonymousAsync_NoVisitorDraft_ReturnsAccountDraftUnchanged()
    {
        using var h = new OrdersHarness();
        Assert.Null(await h.Drafts.ClaimAnonymousAsync("nobody", OrdersHarness.Alice));
    }
}
