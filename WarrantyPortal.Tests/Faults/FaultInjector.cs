using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WarrantyPortal.Data;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Faults;

/// <summary>
/// Stops the process's work dead at a chosen SQL command, as a kill would: the command never runs, the open transaction is
/// rolled back (SQLite drops uncommitted pages of a dead connection the same way), and because the process's lifetime token
/// is cancelled first, no "record the failure" handler runs either. The test then starts fresh services on the same file.
/// </summary>
public sealed class FaultInjector : DbCommandInterceptor
{
    private readonly CancellationTokenSource _process = new();
    private Func<string, bool>? _at;
    private int _skip;

    /// <summary>Cancelled at the moment of the kill; give it to the work as its stopping token.</summary>
    public CancellationToken ProcessLifetime => _process.Token;

    public bool Fired { get; private set; }

    /// <summary>Kills the work at the (<paramref name="after"/>+1)-th command whose SQL contains <paramref name="sql"/>.</summary>
    public FaultInjector KillAt(string sql, int after = 0)
    {
        _skip = after;
        _at = text => text.Contains(sql, StringComparison.Ordinal);
        return this;
    }

    /// <summary>Kills the work at the first command for which <paramref name="when"/> holds.</summary>
    public FaultInjector KillWhen(Func<string, bool> when)
    {
        _skip = 0;
        _at = when;
        return this;
    }

    private void Check(DbCommand command)
    {
        var at = _at;
        if (at is null || !at(command.CommandText)) return;
        if (Interlocked.Decrement(ref _skip) >= 0) return;
        _at = null;
        Fired = true;
        _process.Cancel();
        throw new OperationCanceledException("Process killed here (fault injection).", _process.Token);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }
}

/// <summary>Contexts on a test database with a <see cref="FaultInjector"/> in the pipeline: the doomed process's view of the file.</summary>
public sealed class DoomedDatabase(TestDatabase db, FaultInjector fault) : IDbContextFactory<ApplicationDbContext>
{
    public ApplicationDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<ApplicationDbContext>(db.Options).AddInterceptors(fault).Options);
}
