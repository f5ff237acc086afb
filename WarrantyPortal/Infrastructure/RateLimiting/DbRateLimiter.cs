using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;

namespace WarrantyPortal.Infrastructure.RateLimiting;

/// <summary>The answer to one attempt: allowed, or refused until <see cref="RetryAtUtc"/>.</summary>
public sealed record RateLimitDecision(bool Allowed, DateTimeOffset RetryAtUtc, TimeSpan RetryAfter)
{
    public static RateLimitDecision Allow(DateTimeOffset now) => new(true, now, TimeSpan.Zero);

    /// <summary>Whole minutes to wait, at least one, for messages such as "try again in 3 minutes".</summary>
    public int RetryAfterMinutes => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalMinutes));
}

/// <summary>
/// Sliding-window rate limits counted in the database, so every instance of the portal shares one count.
/// Each key keeps the attempts of the current aligned window and of the one before; an attempt is allowed while
/// <c>previous × (share of the previous window still inside the sliding window) + current + cost ≤ limit</c>, so a burst
/// at the end of one window and another at the start of the next cannot add up to twice the limit.
/// Each attempt is one statement: an upsert that rolls the window forward and adds to the count only while there is room
/// (INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING, the same SQL on SQLite and PostgreSQL; the conflicting row is
/// locked and its latest version checked, so concurrent attempts are never lost). A refused attempt changes nothing.
/// Rows outlive the window after their own only until <see cref="RemoveExpiredAsync"/> runs.
/// </summary>
public sealed class DbRateLimiter(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock)
{
    private const string T = $"\"{RateLimitCounterConfiguration.Table}\"";

    // The counts as seen from the window starting at @start. The stored window may be this one, the one before, older (it
    // no longer counts), or newer: another instance whose clock is a little ahead has already moved on. The row never
    // moves back; from behind, everything it holds counts as current.
    private const string Previous = $"""CASE WHEN {T}."WindowStart" = @start THEN {T}."PreviousCount" WHEN {T}."WindowStart" = @previous THEN {T}."Count" ELSE 0 END""";
    private const string Current = $"""CASE WHEN {T}."WindowStart" = @start THEN {T}."Count" WHEN {T}."WindowStart" > @start THEN {T}."Count" + {T}."PreviousCount" ELSE 0 END""";
    private const string Ahead = $"""{T}."WindowStart" > @start""";

    // Integer arithmetic, scaled by the window length: previous × remaining + (current + cost) × window ≤ limit × window.
    private const string Upsert = $"""
        INSERT INTO {T} ("Key", "WindowStart", "Count", "PreviousCount", "ExpiresAt")
        VALUES (@key, @start, @cost, 0, @expires)
        ON CONFLICT ("Key") DO UPDATE SET
            "PreviousCount" = CASE WHEN {T}."WindowStart" >= @start THEN {T}."PreviousCount" WHEN {T}."WindowStart" = @previous THEN {T}."Count" ELSE 0 END,
            "Count" = CASE WHEN {T}."WindowStart" >= @start THEN {T}."Count" ELSE 0 END + @cost,
            "WindowStart" = CASE WHEN {Ahead} THEN {T}."WindowStart" ELSE @start END,
            "ExpiresAt" = CASE WHEN {Ahead} THEN {T}."ExpiresAt" ELSE @expires END
        WHERE ({Previous}) * @remaining + ({Current} + @cost) * @window <= @budget
        RETURNING "Count"
        """;

    /// <summary>
    /// Takes <paramref name="cost"/> attempts from the budget of <paramref name="partition"/> (a client address, an email…)
    /// under the rule named <paramref name="ruleName"/>; refused when the sliding window has no room left.
    /// </summary>
    public async Task<RateLimitDecision> TryAcquireAsync(string ruleName, string partition, RateLimitRule rule, int cost = 1, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleName);
        if (rule.Limit < 1 || rule.Window < TimeSpan.FromSeconds(1)) throw new ArgumentException($"Rate limit '{ruleName}' needs a limit of at least 1 and a window of at least a second.", nameof(rule));
        cost = Math.Max(1, cost);

        var now = clock.GetUtcNow();
        if (cost > rule.Limit) return Refused(now, now.Add(rule.Window));

        var window = (long)Math.Ceiling(rule.Window.TotalSeconds) * 1000;
        var nowMs = now.ToUnixTimeMilliseconds();
        var start = nowMs - nowMs % window;
        var key = KeyOf(ruleName, partition);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.CommandText = Upsert;
            Add(command, "key", key);
            Add(command, "start", start);
            Add(command, "previous", start - window);
            Add(command, "cost", cost);
            Add(command, "expires", start + 2 * window);
            Add(command, "remaining", start + window - nowMs);
            Add(command, "window", window);
            Add(command, "budget", rule.Limit * window);
            var count = await command.ExecuteScalarAsync(ct);
            if (count is not (null or DBNull)) return RateLimitDecision.Allow(now);
        }

        var row = await db.RateLimitCounters.AsNoTracking().Where(c => c.Key == key)
            .Select(c => new { c.WindowStart, c.Count, c.PreviousCount }).FirstOrDefaultAsync(ct);
        var (previous, current) = row is null ? (0, 0)
            : row.WindowStart == start ? (row.PreviousCount, row.Count)
            : row.WindowStart == start - window ? (row.Count, 0)
            : row.WindowStart > start ? (0, row.Count + row.PreviousCount)
            : (0, 0);
        var retryAt = RetryAt(nowMs, window, rule.Limit, cost, previous, current);
        return Refused(now, DateTimeOffset.FromUnixTimeMilliseconds(retryAt));
    }

    /// <summary>
    /// The first moment (Unix ms) an attempt of <paramref name="cost"/> would fit, if nothing else is attempted meanwhile:
    /// later in this window as the previous window's share shrinks, or in the next one, where this window's count becomes
    /// the previous count.
    /// </summary>
    public static long RetryAt(long nowMs, long window, int limit, int cost, int previous, int current)
    {
        var start = nowMs - nowMs % window;
        if (current + cost > limit)
        {
            (start, previous, current) = (start + window, current, 0);
        }
        if (previous == 0) return Math.Max(nowMs, start);
        // previous × (window − elapsed) ≤ (limit − current − cost) × window
        var elapsed = window - (long)(limit - current - cost) * window / previous;
        return Math.Max(nowMs, start + elapsed);
    }

    /// <summary>Deletes the counters that no longer count, in this window or as the previous one; returns how many.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RateLimitCounters.Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    /// <summary>The stored key: a hash, so addresses and emails are not kept in clear, of a bounded length.</summary>
    public static string KeyOf(string ruleName, string partition) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleName}\n{partition.Trim().ToLowerInvariant()}")));

    private static RateLimitDecision Refused(DateTimeOffset now, DateTimeOffset retryAt) => new(false, retryAt, retryAt - now);

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}

/// <summary>Deletes rate-limit counters that no longer count, every few minutes.</summary>
public sealed class RateLimitCleanupWorker(DbRateLimiter limiter, TimeProvider clock, ILogger<RateLimitCleanupWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await limiter.RemoveExpiredAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not remove expired rate-limit counters; retrying later");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class RateLimitingSetup
{
    public static IServiceCollection AddDbRateLimiting(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<RateLimitOptions>(config.GetSection(RateLimitOptions.Section));
        services.AddSingleton<DbRateLimiter>();
        services.AddHostedService<RateLimitCleanupWorker>();
        return services;
    }
}
