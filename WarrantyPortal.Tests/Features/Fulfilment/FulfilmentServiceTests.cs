using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Domain.Eligibility;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Fulfilment;
using WarrantyPortal.Tests.TestSupport;
using Xunit.Abstractions;

namespace WarrantyPortal.Tests.Features.Fulfilment;

public sealed class FulfilmentServiceTests(ITestOutputHelper output) : IDisposable
{
    private readonly FulfilmentHarness _h = new();

    [Fact]
    public async Task RunOnce_PaidOrder_RecordsCoverageIssuesCertificatesAndCompletes()
    {
        var order = await _h.PaidOrderAsync(3);

        var completed = await _h.Service.RunOnceAsync();

        Assert.Equal(1, completed);
        await using var db = _h.Db.CreateDbContext();
        var saved = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id);
        Assert.Equal(OrderStatus.Completed, saved.Status);
        var certificates = await db.Certificates.AsNoTracking().OrderBy(c => c.Number).ToListAsync();
        Assert.Equal(["WC-2026-000001", "WC-2026-000002", "WC-2026-000003"], certificates.Select(c => c.Number));
        var expectedEnd = new DateOnly(2045, 2, 28);
        Assert.All(certificates, c => Assert.Equal(expectedEnd, c.NewWarrantyEnd));

        var device = await _h.Registry.FindAsync(SerialNumber.FromTrusted(order.Lines[0].SerialNumber));
        var extension = Assert.Single(device!.Extensions);
        Assert.Equal(expectedEnd, device.CoverageEnd);
        Assert.Equal(order.Number, extension.OrderNumber);
        Assert.Equal(certificates.Single(c => c.SerialNumber == device.SerialNumber.Value).Number, extension.CertificateNumber);
        var refusal = EligibilityRule.CheckDevice(device.SerialNumber.Value, device, new DateOnly(2026, 6, 22));
        Assert.Equal(RefusalCode.AlreadyExtended, refusal?.Code);

        var invoice = await db.Invoices.AsNoTracking().SingleAsync();
        Assert.Equal("INV-2026-000001", invoice.Number);
        Assert.Equal(order.TotalMinor, invoice.TotalMinor);

        var email = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Kind == "order-completed");
        Assert.Equal("alice@example.test", email.ToAddress);
        Assert.Contains($"/orders/{order.Number}/certificates/WC-2026-000001.pdf", email.TextBody);
        Assert.Contains($"/orders/{order.Number}/certificates.zip", email.TextBody);
    }

    [Fact]
    public async Task RunOnce_RunAgainAfterCompletion_ChangesNothing()
    {
        await _h.PaidOrderAsync(2);
        await _h.Service.RunOnceAsync();

        var second = await _h.Service.RunOnceAsync();

        Assert.Equal(0, second);
        await using var db = _h.Db.CreateDbContext();
        Assert.Equal(2, await db.Certificates.CountAsync());
        Assert.Equal(2, await db.DeviceExtensions.CountAsync());
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == "order-completed"));
    }

    [Fact]
    public async Task RunOnce_RegistryFailsMidway_RetriesLaterAndFinishesWithoutDuplicates()
    {
        var order = await _h.PaidOrderAsync(450);
        var crashing = _h.NewService(new FailingRegistry(_h.Registry, writesBeforeFailure: 230));

        Assert.Equal(0, await crashing.RunOnceAsync());
        await using (var db = _h.Db.CreateDbContext())
        {
            Assert.Equal(OrderStatus.Paid, (await db.Orders.AsNoTracking().SingleAsync()).Status);
            Assert.Contains("registry down", (await db.OrderFulfilments.AsNoTracking().SingleAsync()).LastError);
        }

        _h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _h.NewService(_h.Registry).RunOnceAsync());

        await using var check = _h.Db.CreateDbContext();
        Assert.Equal(OrderStatus.Completed, (await check.Orders.AsNoTracking().SingleAsync()).Status);
        var numbers = await check.Certificates.AsNoTracking().Select(c => c.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 450).Select(i => $"WC-2026-{i:000000}"), numbers.Order());
        Assert.Equal(450, await check.DeviceExtensions.CountAsync());
        Assert.Equal(450, await check.DeviceExtensions.Select(e => e.DeviceId).Distinct().CountAsync());
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.Kind == "order-completed" && m.Reference == order.Number));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task RunOnce_TwoWorkersOnManyPaidOrders_EachDeviceOnceAndNumbersGapFree(string provider)
    {
        using var h = new FulfilmentHarness(provider);
        var orders = new List<Order>();
        for (var i = 0; i < 6; i++) orders.Add(await h.PaidOrderAsync(40, byTransfer: i % 2 == 0));
        var a = h.NewService(h.Registry);
        var b = h.NewService(h.Registry);

        var done = await Task.WhenAll(Task.Run(() => a.RunOnceAsync()), Task.Run(() => b.RunOnceAsync()));

        Assert.Equal(6, done.Sum());
        await using var db = h.Db.CreateDbContext();
        Assert.All(await db.Orders.AsNoTracking().ToListAsync(), o => Assert.Equal(OrderStatus.Completed, o.Status));
        var certificates = await db.Certificates.AsNoTracking().Select(c => c.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 240).Select(i => $"WC-2026-{i:000000}"), certificates.Order());
        var invoices = await db.Invoices.AsNoTracking().Select(i => i.Number).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"INV-2026-{i:000000}"), invoices.Order());
        Assert.Equal(240, await db.DeviceExtensions.CountAsync());
        Assert.Equal(6, await db.OutboxMessages.CountAsync(m => m.Kind == "order-completed"));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task RunOnce_WorkerStalledPastItsLease_OtherTakesOverAndStalledOneLeavesTheOrderAlone(string provider)
    {
        using var h = new FulfilmentHarness(provider);
        var order = await h.PaidOrderAsync(2);
        var stalled = new StalledRegistry(h.Registry);
        var first = h.NewService(stalled);
        var firstRun = Task.Run(() => first.RunOnceAsync());
        await stalled.Reached.Task.WaitAsync(TimeSpan.FromSeconds(60));

        h.Clock.Advance(TimeSpan.FromMinutes(6));
        var completedByOther = await h.NewService(h.Registry).RunOnceAsync();
        stalled.Release.SetResult();
        var completedByFirst = await firstRun.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, completedByOther);
        Assert.Equal(0, completedByFirst);
        await using var db = h.Db.CreateDbContext();
        Assert.Equal(OrderStatus.Completed, (await db.Orders.AsNoTracking().SingleAsync()).Status);
        var work = await db.OrderFulfilments.AsNoTracking().SingleAsync();
        Assert.NotNull(work.CompletedAtUtc);
        Assert.Null(work.LastError);
        Assert.Equal(0, work.Attempts);
        Assert.Equal(2, await db.Certificates.CountAsync());
        Assert.Equal(2, await db.DeviceExtensions.CountAsync());
        Assert.Equal(1, await db.Invoices.CountAsync());
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == "order-completed" && m.Reference == order.Number));
    }

    [Fact]
    public async Task RunOnce_TwoThousandDeviceOrder_CompletesInBatches()
    {
        var order = await _h.PaidOrderAsync(2000);
        var watch = Stopwatch.StartNew();

        await _h.Service.RunOnceAsync();

        watch.Stop();
        output.WriteLine($"2,000-device order fulfilled in {watch.Elapsed.TotalSeconds:0.0} s");
        await using var db = _h.Db.CreateDbContext();
        Assert.Equal(OrderStatus.Completed, (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id)).Status);
        Assert.Equal(2000, await db.Certificates.CountAsync(c => c.RegistryRecordedAtUtc != null));
    }

    [Theory, MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task NextAsync_ParallelTransactions_NumbersUniqueAndGapFree(string provider)
    {
        using var h = new FulfilmentHarness(provider);
        await DocumentNumbers.EnsureAsync(h.Db, DocumentNumbers.Invoice, 2026, default);

        async Task<List<string>> Allocate(bool rollBack)
        {
            var mine = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                await using var db = h.Db.CreateDbContext();
                await using var tx = await db.Database.BeginTransactionAsync();
                var n = await DocumentNumbers.NextAsync(db, DocumentNumbers.Invoice, 2026, 1, default);
                if (rollBack) { await tx.RollbackAsync(); continue; }
                await tx.CommitAsync();
                mine.AddRange(n);
            }
            return mine;
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => Allocate(rollBack: i == 5))));

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"INV-2026-{i:000000}"), all.Order());
    }

    public void Dispose() => _h.Dispose();
}
