using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Orders;

public class OrderSubmissionServiceTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task SubmitAsync_ValidDraft_SavesOrderBuyerConfirmationAndAdminNotice(string provider)
    {
        using var h = new OrdersHarness(provider);
        var result = await h.Submission.SubmitAsync(OrdersHarness.Alice, h.Draft("SN-A1", "SN-A2"));

        Assert.Equal(SubmitOutcome.Submitted, result.Outcome);
        Assert.Equal("WE202606210001", result.OrderNumber);
        await using var db = h.Db.CreateDbContext();
        var order = await db.Orders.Include(o => o.Lines).Include(o => o.History).SingleAsync();
        Assert.Equal(OrderStatus.Submitted, order.Status);
        Assert.Equal(["SN-A1", "SN-A2"], order.Lines.Select(l => l.SerialNumber).Order());
        Assert.Equal(240_00, order.TotalMinor); // 2 × 100.00 € + 20 % VAT
        Assert.Equal([OrderStatus.Draft, OrderStatus.Submitted], order.History.OrderBy(h => h.Id).Select(h => h.ToStatus));
        Assert.Equal(h.Clock.GetUtcNow().UtcDateTime, order.SubmittedAtUtc);

        var mails = await db.OutboxMessages.OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(2, mails.Count);
        var confirmation = mails.Single(m => m.ToAddress == "alice@example.test");
        Assert.Contains("WE202606210001", confirmation.Subject);
        Assert.Equal("fr", confirmation.Culture);
        Assert.Contains("rétractation", confirmation.TextBody); // the withdrawal notice and model form, in French
        var notice = mails.Single(m => m.ToAddress == "admin@example.test");
        Assert.Contains("WE202606210001", notice.Subject);
    }

    [Fact]
    public async Task SubmitAsync_BusinessBuyer_NoWithdrawalFormAndNoConsentNeeded()
    {
        using var h = new OrdersHarness();
        var draft = h.Draft("SN-B1") with { Buyer = OrdersHarness.Buyer(taxId: "FR40303265045"), ConsentToImmediateStart = false };
        var result = await h.Submission.SubmitAsync(OrdersHarness.Alice, draft);

        Assert.Equal(SubmitOutcome.Submitted, result.Outcome);
        await using var db = h.Db.CreateDbContext();
        var confirmation = await db.OutboxMessages.SingleAsync(m => m.ToAddress == "alice@example.test");
        Assert.DoesNotContain("rétractation", confirmation.TextBody);
    }

    [Fact]
    public async Task SubmitAsync_ConsumerWithoutConsent_InvalidAndNothingSaved()
    {
        using var h = new OrdersHarness();
        var result = await h.Submission.SubmitAsync(OrdersHarness.Alice, h.Draft("SN-C1") with { ConsentToImmediateStart = false });

        Assert.Equal(SubmitOutcome.Invalid, result.Outcome);
        Assert.Single(result.Errors);
        await using var db = h.Db.CreateDbContext();
        Assert.False(await db.Orders.AnyAsync());
        Assert.False(await db.OutboxMessages.AnyAsync());
    }

    [Fact]
    public async Task SubmitAsync_MissingAddressAndDuplicateSerial_ListsEachProblem()
    {
        using var h = new OrdersHarness();
        var draft = h.Draft("SN-D1", "sn-d1") with { Buyer = OrdersHarness.Buyer() with { InstallationAddress = new PostalAddress() } };
        var result = await h.Submission.SubmitAsync(OrdersHarness.Alice, draft);

        Assert.Equal(SubmitOutcome.Invalid, result.Outcome);
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Contains("SN-D1", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, h.Pricer.Calls);
    }

    [Fact]
    public async Task SubmitAsync_DeviceRefusedByServer_ReportedAndNothingOrdered()
    {
        using var h = new OrdersHarness();
        h.Pricer.Refusals["SN-E2"] = "The base warranty of this device has ended.";
        var result = await h.Submission.SubmitAsync(OrdersHarness.Alice, h.Draft("SN-E1", "SN-E2"));

        Assert.Equal(SubmitOutcome.Refused, result.Outcome);
        var refused = Assert.Single(result.Refused);
        Assert.Equal(("SN-E2", "The base warranty of this device has ended."), (refused.SerialNumber, refused.Reason));
        await using var db = h.Db.CreateDbContext();
        Assert.False(await db.Orders.AnyAsync());
    }

    [Fact]
    public async Task SubmitAsync_BrowserSentLowerPrice_PricesChangedWithServerPricesAndNothingOrdered()
    {
        using var h = new OrdersHarness();
        var draft = h.Draft("SN-F1");
        draft = draft with { Lines = [draft.Lines[0] with { UnitPriceMinor = 1 }] };
        var result = await h.Submission.SubmitAsync(OrdersHarness.Alice, draft);

        Assert.Equal(SubmitOutcome.PricesChanged, result.Outcome);
        Assert.Equal(100_00, Assert.Single(result.Repriced).UnitPriceMinor);
        await using var db = h.Db.CreateDbContext();
        Assert.False(await db.Orders.AnyAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task SubmitAsync_SaveFails_NeitherOrderNorEmailsNorNumberAreKept(string provider)
    {
        using var h = new OrdersHarness(provider);
        // An order already holding the number the counter will hand out makes the save fail on the unique index.
        await using (var db = h.Db.CreateDbContext())
        {
            var squatter = OrdersHarness.Buyer();
            var order = Order.CreateDraft(OrdersHarness.Bob, squatter, "EUR", false, [OrderDraft.ToLine(h.Pricer.Price("SN-X"))], null, true,
                OrderActor.Customer(OrdersHarness.Bob, "Bob"), h.Clock.GetUtcNow().UtcDateTime);
            order.Submit("WE202606210001", OrderActor.Customer(OrdersHarness.Bob, "Bob"), h.Clock.GetUtcNow().UtcDateTime);
            db.Orders.Add(order);
            await db.SaveChangesAsync();
        }
        await h.Drafts.SaveAsync(DraftOwner.User(OrdersHarness.Alice), new PurchaseDraftContent { Lines = [new("SN-G1", "EXT5")] });

        await Assert.ThrowsAsync<DbUpdateException>(() => h.Submission.SubmitAsync(OrdersHarness.Alice, h.Draft("SN-G1")));

        await using var check = h.Db.CreateDbContext();
        Assert.Equal(1, await check.Orders.CountAsync());
        Assert.False(await check.OutboxMessages.AnyAsync());
        Assert.Equal(0, await check.NumberSequences.Select(c => c.LastValue).SingleAsync());
        Assert.NotNull(await h.Drafts.LoadAsync(DraftOwner.User(OrdersHarness.Alice)));
    }

    [Fact]
    public async Task SubmitAsync_Success_ClearsTheBuyersPurchaseDraft()
    {
        using var h = new OrdersHarness();
        await h.Drafts.SaveAsync(DraftOwner.User(OrdersHarness.Alice), new PurchaseDraftContent { Lines = [new("SN-H1", "EXT5")] });
        await h.PlaceAsync(OrdersHarness.Alice, "SN-H1");
        Assert.Null(await h.Drafts.LoadAsync(DraftOwner.User(OrdersHarness.Alice)));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task SubmitAsync_ManyAtOnce_EachGetsItsOwnConsecutiveNumber(string provider)
    {
        using var h = new OrdersHarness(provider);
        const int count = 24;
        var results = await Task.WhenAll(Enumerable.Range(1, count).Select(i => Task.Run(() =>
            h.Submission.SubmitAsync(i % 2 == 0 ? OrdersHarness.Alice : OrdersHarness.Bob, h.Draft($"SN-P{i}")))));

        Assert.All(results, r => Assert.Equal(SubmitOutcome.Submitted, r.Outcome));
        var expected = Enumerable.Range(1, count).Select(i => $"WE20260621{i:D4}");
        Assert.Equal(expected, results.Select(r => r.OrderNumber!).Order());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task SubmitAsync_NextDay_SequenceStartsAgain(string provider)
    {
        using var h = new OrdersHarness(provider);
        await h.PlaceAsync(OrdersHarness.Alice, "SN-Q1");
        await h.PlaceAsync(OrdersHarness.Alice, "SN-Q2");
        h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("WE202606220001", await h.PlaceAsync(OrdersHarness.Alice, "SN-Q3"));
    }

    [Fact]
    public async Task SubmitAsync_Success_NotifiesWatchersOfTheOrder()
    {
        using var h = new OrdersHarness();
        var changed = new TaskCompletionSource<Guid>();
        using var _ = h.Notifier.SubscribeAll(id => { changed.TrySetResult(id); return Task.CompletedTask; });
        await h.PlaceAsync(OrdersHarness.Alice, "SN-R1");
        var id = await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await using var db = h.Db.CreateDbContext();
        Assert.Equal(await db.Orders.Select(o => o.Id).SingleAsync(), id);
    }
}
