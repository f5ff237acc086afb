using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Fulfilment;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Infrastructure;
using WarrantyPortal.Tests.Features.Fulfilment;

namespace WarrantyPortal.Tests.Faults;

/// <summary>
/// The process dies while a paid order of 450 devices is being fulfilled (invoice, certificates in batches of 200, coverage
/// written to the registry, completion). Whatever step it dies in is either whole or absent, and a fresh worker on the
/// same database file finishes the order once its claim lapses: every number once, no gap, one email.
/// </summary>
public sealed class CertificateCrashTests : IDisposable
{
    private const int Devices = 450;
    private readonly FulfilmentHarness _h = new();

    private FulfilmentService Worker(Microsoft.EntityFrameworkCore.IDbContextFactory<WarrantyPortal.Data.ApplicationDbContext> db) => new(
        db, new EmbeddedDeviceRegistry(db, _h.Clock), new EmailOutbox(new OutboxSignal(), _h.Clock),
        new FulfilmentEmails(new EmailComposer(Options.Create(new PortalOptions())), FulfilmentHarness.Text,
            Options.Create(new PortalOptions { PublicBaseUrl = "https://portal.example.test" })),
        _h.Notifier, _h.Clock, NullLogger<FulfilmentService>.Instance);

    [Theory]
    [InlineData("invoice", "INSERT INTO \"Invoices\"", 0)]
    [InlineData("second certificate batch", "INSERT INTO \"Certificates\"", -1)]
    [InlineData("registry write-back", "INSERT INTO \"DeviceExtensions\"", 300)]
    [InlineData("completion", "INSERT INTO \"OutboxMessages\"", 0)]
    public async Task Fulfil_KilledMidway_StepWholeOrAbsentThenRestartFinishesOnce(string step, string sql, int after)
    {
        var order = await _h.PaidOrderAsync(Devices);
        var fault = after >= 0
            ? new FaultInjector().KillAt(sql, after)
            // EF may split one batch of 200 into several commands: kill at the first insert once a whole batch is committed.
            : new FaultInjector().KillWhen(text => text.Contains(sql, StringComparison.Ordinal) && CommittedCertificates() >= FulfilmentService.BatchSize);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Worker(new DoomedDatabase(_h.Db, fault)).RunOnceAsync(fault.ProcessLifetime));
        Assert.True(fault.Fired, $"the kill point ({step}) was never reached");

        await using (var db = _h.Db.CreateDbContext())
        {
            Assert.Equal(["ok"], await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync());
            Assert.Equal(OrderStatus.Paid, (await db.Orders.AsNoTracking().SingleAsync()).Status);
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Kind == "order-completed"));
            var certificates = await db.Certificates.AsNoTracking().Select(c => c.Number).ToListAsync();
            var extensions = await db.DeviceExtensions.CountAsync();
            switch (step)
            {
                case "invoice":
                    Assert.Equal(0, await db.Invoices.CountAsync());
                    Assert.Empty(certificates);
                    break;
                case "second certificate batch":
                    // The first batch of 200 committed; the second is absent, numbers included.
                    Assert.Equal(Numbers(FulfilmentService.BatchSize), certificates.Order());
                    Assert.Equal(0, extensions);
                    break;
                case "registry write-back":
                    Assert.Equal(Devices, certificates.Count);
                    Assert.Equal(after, extensions);
                    break;
                case "completion":
                    Assert.Equal(Devices, certificates.Count);
                    Assert.Equal(Devices, extensions);
                    break;
            }
        }

        // The restarted process: a fresh worker on the same file. The dead worker's claim holds until its lease lapses.
        var restarted = Worker(_h.Db);
        Assert.Equal(0, await restarted.RunOnceAsync());
        _h.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, await restarted.RunOnceAsync());

        await using (var db = _h.Db.CreateDbContext())
        {
            Assert.Equal(OrderStatus.Completed, (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == order.Id)).Status);
            var certificates = await db.Certificates.AsNoTracking().ToListAsync();
            Assert.Equal(Numbers(Devices), certificates.Select(c => c.Number).Order());
            Assert.Equal(Devices, certificates.Select(c => c.OrderLineId).Distinct().Count());
            var extensions = await db.DeviceExtensions.AsNoTracking().ToListAsync();
            Assert.Equal(Devices, extensions.Count);
            Assert.Equal(Devices, extensions.Select(e => e.DeviceId).Distinct().Count());
            Assert.Equal(["INV-2026-000001"], await db.Invoices.Select(i => i.Number).ToListAsync());
            Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Kind == "order-completed"));
        }
    }

    private long CommittedCertificates()
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = _h.Db.Path, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM Certificates";
        return (long)cmd.ExecuteScalar()!;
    }

    private static IEnumerable<string> Numbers(int count) => Enumerable.Range(1, count).Select(i => DocumentNumbers.Format(DocumentNumbers.Certificate, 2026, i));

    public void Dispose() => _h.Dispose();
}
