using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Audit;
using WarrantyPortal.Features.Admin.Orders;

namespace WarrantyPortal.Tests.Features.Admin;

public class OrderAdminServiceTests : IDisposable
{
    private readonly AdminHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<List<(string Kind, string To)>> EmailsAsync(string number)
    {
        await using var db = _h.Orders.Db.CreateDbContext();
        return (await db.OutboxMessages.Where(m => m.Reference == number).OrderBy(m => m.Id).Select(m => new { m.Kind, m.ToAddress }).ToListAsync())
            .Select(m => (m.Kind, m.ToAddress)).ToList();
    }

    private async Task<List<AuditEntry>> AuditAsync(string number)
    {
        await using var db = _h.Orders.Db.CreateDbContext();
        return await db.AuditEntries.Where(a => a.SubjectKey == number).OrderBy(a => a.Id).ToListAsync();
    }

    [Fact]
    public async Task ApproveManyAsync_TwoAwaitingOneClosed_ApprovesTwoReportsTheThird()
    {
        var a = await _h.AddAsync();
        var b = await _h.AddAsync();
        var closed = await _h.AddAsync(status: OrderStatus.Cancelled);

        var results = await _h.Service.ApproveManyAsync([_h.Ref(a), _h.Ref(b), _h.Ref(closed)], AdminHarness.Ada);

        Assert.True(results[a.Id].Ok && results[b.Id].Ok);
        Assert.Equal(AdminOutcome.NotAllowed, results[closed.Id].Outcome);
        Assert.Equal(OrderStatus.Approved, (await _h.ReloadAsync(a.Id)).Status);
        Assert.Equal(OrderStatus.Cancelled, (await _h.ReloadAsync(closed.Id)).Status);
        Assert.Equal([("order-approved", "alice@example.test")], await EmailsAsync(a.Number!));
        var audit = Assert.Single(await AuditAsync(a.Number!));
        Assert.Equal(("Approve", "Ada Admin"), (audit.Action, audit.ActorName));
        Assert.StartsWith("Submitted", audit.Before);
        Assert.StartsWith("Approved", audit.After);
    }

    [Fact]
    public async Task RejectManyAsync_NoReason_NothingRejected()
    {
        var a = await _h.AddAsync();

        var results = await _h.Service.RejectManyAsync([_h.Ref(a)], AdminHarness.Ada, "  ");

        Assert.Equal(AdminOutcome.Invalid, results[a.Id].Outcome);
        Assert.Equal(OrderStatus.Submitted, (await _h.ReloadAsync(a.Id)).Status);
        Assert.Empty(await EmailsAsync(a.Number!));
    }

    [Fact]
    public async Task RejectManyAsync_WithReason_ClosedAndReasonEmailedToEachCustomer()
    {
        var a = await _h.AddAsync();
        var b = await _h.AddAsync(name: "Bob Martin");

        var results = await _h.Service.RejectManyAsync([_h.Ref(a), _h.Ref(b)], AdminHarness.Ada, "Serial number not registered");

        Assert.All(results.Values, r => Assert.True(r.Ok));
        var reloaded = await _h.ReloadAsync(b.Id);
        Assert.Equal(OrderStatus.Rejected, reloaded.Status);
        Assert.Equal("Serial number not registered", reloaded.CloseReason);
        Assert.Equal([("order-rejected", "bob@example.test")], await EmailsAsync(b.Number!));
        await using var db = _h.Orders.Db.CreateDbContext();
        Assert.Contains("Serial number not registered", await db.OutboxMessages.Where(m => m.Reference == b.Number).Select(m => m.TextBody).SingleAsync());
    }

    [Fact]
    public async Task ApproveAsync_SecondAdminWithStaleVersion_ToldWhoChangedItAndNothingAppliedTwice()
    {
        var order = await _h.AddAsync();
        var seenByBoth = _h.Ref(order);

        var first = await _h.Service.ApproveAsync(seenByBoth, AdminHarness.Ada);
        var second = await _h.Service.RejectAsync(seenByBoth, AdminHarness.Max, "Too late");

        Assert.True(first.Ok);
        Assert.Equal(AdminOutcome.Conflict, second.Outcome);
        Assert.Equal("Ada Admin", second.ChangedBy);
        Assert.Contains("Ada Admin", second.Message);
        Assert.Equal(OrderStatus.Approved, (await _h.ReloadAsync(order.Id)).Status);
        Assert.Single(await EmailsAsync(order.Number!));
        Assert.Single(await AuditAsync(order.Number!));
    }

    [Fact]
    public async Task ApproveAsync_TwoAdminsAtTheSameInstant_ExactlyOneWins()
    {
        var order = await _h.AddAsync();
        var seen = _h.Ref(order);

        var results = await Task.WhenAll(
            Task.Run(() => _h.Service.ApproveAsync(seen, AdminHarness.Ada)),
            Task.Run(() => _h.Service.ApproveAsync(seen, AdminHarness.Max)));

        Assert.Equal(1, results.Count(r => r.Ok));
        Assert.Equal(AdminOutcome.Conflict, results.Single(r => !r.Ok).Outcome);
        await using var db = _h.Orders.Db.CreateDbContext();
        Assert.Equal(1, await db.OrderStatusChanges.CountAsync(h => h.OrderId == order.Id && h.ToStatus == OrderStatus.Approved));
        Assert.Single(await EmailsAsync(order.Number!));
    }

    [Fact]
    public async Task ApproveAsync_WithSettlementPrice_TotalsRecomputedAndAudited()
    {
        var order = await _h.AddAsync(serials: ["SN-1", "SN-2"]);
        var lineId = order.Lines.Single(l => l.SerialNumber == "SN-1").Id;

        var result = await _h.Service.ApproveAsync(_h.Ref(order), AdminHarness.Ada, new Dictionary<int, long> { [lineId] = 80_00 });

        Assert.True(result.Ok);
        var reloaded = await _h.ReloadAsync(order.Id);
        Assert.Equal(80_00, reloaded.Lines.Single(l => l.Id == lineId).UnitPriceMinor);
        Assert.Equal(120_00, reloaded.Lines.Single(l => l.Id == lineId).StandardUnitPriceMinor);
        Assert.Equal(180_00 + 36_00, reloaded.TotalMinor); // (80 + 100) net + 20 % VAT
        Assert.Equal(["SettlementPrice", "Approve"], (await AuditAsync(order.Number!)).Select(a => a.Action));
    }

    [Fact]
    public async Task RemoveLineAsync_TwoLines_OneLeftAndTotalFollows()
    {
        var order = await _h.AddAsync(serials: ["SN-1", "SN-2"]);

        var result = await _h.Service.RemoveLineAsync(_h.Ref(order), AdminHarness.Ada, order.Lines[1].Id);

        Assert.True(result.Ok);
        var reloaded = await _h.ReloadAsync(order.Id);
        Assert.Equal(["SN-1"], reloaded.Lines.Select(l => l.SerialNumber));
        Assert.Equal(120_00, reloaded.TotalMinor);
        Assert.Equal(AdminOutcome.Invalid, (await _h.Service.RemoveLineAsync(_h.Ref(reloaded), AdminHarness.Ada, reloaded.Lines[0].Id)).Outcome);
    }

    [Fact]
    public async Task RecordTransferAsync_AmountAndCurrencyMatch_OrderPaidAndCustomerTold()
    {
        var order = await _h.AddAsync(status: OrderStatus.Approved, method: PaymentMethod.Card);

        var result = await _h.Service.RecordTransferAsync(_h.Ref(order), AdminHarness.Ada, new(120.00m, "eur", new DateOnly(2026, 6, 3), "BNP-7781"));

        Assert.True(result.Ok);
        Assert.Null(result.Message);
        var paid = await _h.ReloadAsync(order.Id);
        Assert.Equal(OrderStatus.Paid, paid.Status);
        Assert.Equal(PaymentMethod.WireTransfer, paid.PaymentMethod);
        Assert.Contains(("order-paid-transfer", "alice@example.test"), await EmailsAsync(order.Number!));
    }

    [Fact]
    public async Task RecordTransferAsync_AmountShort_RecordedFlaggedOrderNotPaid()
    {
        var order = await _h.AddAsync(status: OrderStatus.AwaitingTransfer);

        var result = await _h.Service.RecordTransferAsync(_h.Ref(order), AdminHarness.Ada, new(100.00m, "EUR", new DateOnly(2026, 6, 3), "BNP-7782"));
        var again = await _h.Service.RecordTransferAsync(_h.Ref(order), AdminHarness.Ada, new(100.00m, "EUR", new DateOnly(2026, 6, 3), "BNP-7782"));

        Assert.True(result.Ok);
        Assert.Contains("flagged", result.Message);
        Assert.Equal(AdminOutcome.Invalid, again.Outcome);
        Assert.Equal(OrderStatus.AwaitingTransfer, (await _h.ReloadAsync(order.Id)).Status);
        await using var db = _h.Orders.Db.CreateDbContext();
        var transfer = await db.WireTransfers.SingleAsync(w => w.OrderId == order.Id);
        Assert.True(transfer.Mismatch);
        Assert.Equal(100_00, transfer.AmountMinor);
    }

    [Fact]
    public async Task AddRemarkAsync_Remark_StoredAndAuditedButNoEmail()
    {
        var order = await _h.AddAsync();

        Assert.True((await _h.Service.AddRemarkAsync(order.Id, AdminHarness.Ada, "Called the installer")).Ok);

        await using var db = _h.Orders.Db.CreateDbContext();
        Assert.Equal("Called the installer", (await db.OrderRemarks.SingleAsync()).Text);
        Assert.Equal("Remark", Assert.Single(await AuditAsync(order.Number!)).Action);
        Assert.Empty(await EmailsAsync(order.Number!));
    }

    [Fact]
    public async Task ApproveAsync_Change_OpenPagesNotified()
    {
        var order = await _h.AddAsync();
        var told = new TaskCompletionSource();
        using var _ = _h.Orders.Notifier.Subscribe(order.Id, () => { told.TrySetResult(); return Task.CompletedTask; });

        await _h.Service.ApproveAsync(_h.Ref(order), AdminHarness.Ada);

        await told.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
