using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;

namespace WarrantyPortal.Features.Notifications;

public sealed record OutboxRow(long Id, string Kind, string ToAddress, string Subject, string? Reference, OutboxStatus Status, int Attempts, string? LastError, DateTime CreatedAtUtc, DateTime? SentAtUtc);

public sealed record OutboxResult(IReadOnlyList<OutboxRow> Rows, int Total);

/// <summary>Reads the outbox for the admin page.</summary>
public sealed class OutboxQuery(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public async Task<OutboxResult> RunAsync(OutboxStatus? status, string? search, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.OutboxMessages.AsNoTracking();
        if (status is not null) q = q.Where(m => m.Status == status);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(m => m.ToAddress.Contains(s) || m.Subject.Contains(s) || (m.Reference != null && m.Reference.Contains(s)));
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(m => m.Id).Skip(skip).Take(take)
            .Select(m => new OutboxRow(m.Id, m.Kind, m.ToAddress, m.Subject, m.Reference, m.Status, m.Attempts, m.LastError, m.CreatedAtUtc, m.SentAtUtc))
            .ToListAsync(ct);
        return new OutboxResult(rows, total);
    }

    public async Task<(string Html, string Text)?> BodyAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.OutboxMessages.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.HtmlBody, x.TextBody }).SingleOrDefaultAsync(ct);
        return m is null ? null : (m.HtmlBody, m.TextBody);
    }

    public async Task<Dictionary<OutboxStatus, int>> CountsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}

/// <summary>Sends a message again: a new outbox row, so the history of the first one is kept.</summary>
public sealed class OutboxResendService(IDbContextFactory<ApplicationDbContext> dbFactory, EmailOutbox outbox)
{
    public async Task<long?> ResendAsync(long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var m = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return null;
        var copy = outbox.Add(db, new Email(m.Kind, m.ToAddress, m.ToName, m.Subject, m.HtmlBody, m.TextBody, m.Culture, m.Reference, m.Headers));
        await db.SaveChangesAsync(ct);
        return copy.Id;
    }
}
