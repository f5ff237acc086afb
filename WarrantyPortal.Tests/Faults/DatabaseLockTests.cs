using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Tests.Features.Orders;

namespace WarrantyPortal.Tests.Faults;

/// <summary>
/// A backup (another SQLite connection) holds an exclusive lock on the database file while customers submit orders. Writers
/// wait for it and succeed; when it outlasts their patience, the customer is told to submit again and nothing is half-written.
/// </summary>
public sealed class DatabaseLockTests : IDisposable
{
    private readonly OrdersHarness _h = new();

    public DatabaseLockTests()
    {
        using var c = Open(_h.Db.ConnectionString);
        Execute(c, "PRAGMA journal_mode=WAL;"); // as the portal runs it
    }

    [Fact]
    public async Task Submit_WhileBackupHoldsExclusiveLockForSeconds_WaitsThenSucceeds()
    {
        using var backup = Open(_h.Db.ConnectionString);
        Execute(backup, "BEGIN EXCLUSIVE;");

        // SQLite calls block their thread while they wait for the lock: each customer on a thread of its own, as requests are.
        var submits = Enumerable.Range(0, 3).Select(i => Task.Run(() => _h.Submission.SubmitAsync(OrdersHarness.Alice, _h.Draft($"70200010{i:0000}")))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(3)); // the backup's work
        Assert.DoesNotContain(submits, s => s.IsCompletedSuccessfully && s.Result.Outcome == SubmitOutcome.Submitted);
        Execute(backup, "COMMIT;");

        var results = await Task.WhenAll(submits);
        Assert.All(results, r => Assert.Equal(SubmitOutcome.Submitted, r.Outcome));
        await using var db = _h.Db.CreateDbContext();
        Assert.Equal(3, await db.Orders.CountAsync());
        Assert.Equal(results.Select(r => r.OrderNumber).Order(), await db.Orders.Select(o => o.Number).OrderBy(n => n).ToListAsync());
        Assert.Equal(3, await db.OutboxMessages.CountAsync(m => m.ToAddress == "alice@example.test"));
    }

    [Fact]
    public async Task Submit_LockOutlastsTheWait_ClearRetryMessageNothingWrittenThenSubmitsAgain()
    {
        // A writer that waits one second (the portal waits 30 s), so the test need not outlast it.
        var impatient = new SqliteConnectionStringBuilder(_h.Db.ConnectionString) { DefaultTimeout = 1 }.ToString();
        var factory = new ImpatientDatabase(_h.Db, impatient);
        var emails = new OrderEmails(new EmailComposer(Microsoft.Extensions.Options.Options.Create(new WarrantyPortal.Infrastructure.PortalOptions())), _h.Localizer,
            Microsoft.Extensions.Options.Options.Create(new WarrantyPortal.Infrastructure.PortalOptions()), Microsoft.Extensions.Options.Options.Create(new MailOptions()));
        var submission = new OrderSubmissionService(factory, _h.Pricer, new OrderNumberAllocator(factory), new EmailOutbox(new OutboxSignal(), _h.Clock), emails,
            _h.Notifier, _h.Localizer, _h.Clock, NullLogger<OrderSubmissionService>.Instance);
        await _h.PlaceAsync(OrdersHarness.Alice, "702000100100"); // today's counter exists, as on a portal in use
        var draft = _h.Draft("702000100101", "702000100102");

        SubmitResult refused;
        using (var backup = Open(_h.Db.ConnectionString))
        {
            Execute(backup, "BEGIN EXCLUSIVE;");
            refused = await submission.SubmitAsync(OrdersHarness.Alice, draft);
            Execute(backup, "COMMIT;");
        }

        Assert.Equal(SubmitOutcome.Invalid, refused.Outcome);
        Assert.Contains("busy for a moment", Assert.Single(refused.Errors));
        Assert.Contains("submit again", refused.Errors[0]);
        await using (var db = _h.Db.CreateDbContext())
        {
            Assert.Equal(1, await db.Orders.CountAsync());
            Assert.Equal(1, await db.OrderLines.CountAsync());
        }

        var again = await submission.SubmitAsync(OrdersHarness.Alice, draft);

        Assert.Equal(SubmitOutcome.Submitted, again.Outcome);
        Assert.EndsWith("0002", again.OrderNumber); // the refused attempt used no number: no gap
    }

    private static SqliteConnection Open(string cs)
    {
        var c = new SqliteConnection(cs);
        c.Open();
        return c;
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _h.Dispose();

    private sealed class ImpatientDatabase(WarrantyPortal.Tests.TestSupport.TestDatabase db, string connectionString)
        : IDbContextFactory<WarrantyPortal.Data.ApplicationDbContext>
    {
        public WarrantyPortal.Data.ApplicationDbContext CreateDbContext()
        {
            var b = new DbContextOptionsBuilder<WarrantyPortal.Data.ApplicationDbContext>(db.Options);
            b.UseSqlite(connectionString, s => s.CommandTimeout(1));
            return new(b.Options);
        }
    }
}
