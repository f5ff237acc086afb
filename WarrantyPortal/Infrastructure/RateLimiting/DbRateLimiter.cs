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
/// Fixed-window rate limits counted in the database, so every instance of the portal shares one count.
/// Each attempt is one statement: an upsert that adds to the counter only while the window has room
/// (INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING, the same SQL on SQLite and PostgreSQL). A refused attempt
/// changes nothing. Rows outlive their window only until <see cref="RemoveExpiredAsync"/> runs.
/// </summary>
public sealed class DbRateLimiter(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock)
{
    private const string Upsert = $"""
        INSERT INTO "{RateLimitCounterConfiguration.Table}" ("Key", "WindowStart", "Count", "ExpiresAt")
        VALUES (@key, @start, @cost, @expires)
        ON CONFLICT ("Key") DO UPDATE SET
            "Count" = CASE WHEN "{RateLimitCounterConfiguration.Table}"."WindowStart" = @start THEN "{RateLimitCounterConfiguration.Table}"."Count" + @cost ELSE @cost END,
            "WindowStart" = @start,
            "ExpiresAt" = @expires
        WHERE "{RateLimitCounterConfiguration.Table}"."WindowStart" <> @start OR "{RateLimitCounterConfiguration.Table}"."Count" + @cost <= @limit
        RETURNING "Count"
        """;

    /// <summary>
    /// Takes <paramref name="cost"/> attempts from the budget of <paramref name="partition"/> (a client address, an email…)
    /// under the rule named <paramref name="ruleName"/>; refused when the window has no room left.
    /// </summary>
    public async Task<RateLimitDecision> TryAcquireAsync(string ruleName, string partition, RateLimitRule rule, int cost = 1, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleName);
        if (rule.Limit < 1 || rule.Window < TimeSpan.FromSeconds(1)) throw new ArgumentException($"Rate limit '{ruleName}' needs a limit of at least 1 and a window of at least a second.", nameof(rule));
        cost = Math.Max(1, cost);

        var now = clock.GetUtcNow();
        var windowSeconds = (long)Math.Ceiling(rule.Window.TotalSeconds);
        var nowSeconds = now.ToUnixTimeSeconds();
        var start = nowSeconds - nowSeconds % windowSeconds;
        var end = start + windowSeconds;
        var refused = new RateLimitDecision(false, DateTimeOffset.FromUnixTimeSeconds(end), TimeSpan.FromSeconds(end - nowSeconds));
        if (cost > rule.Limit) return refused;

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = Upsert;
        Add(command, "key", KeyOf(ruleName, partition));
        Add(command, "start", start);
        Add(command, "cost", cost);
        Add(command, "expires", end);
        Add(command, "limit", rule.Limit);
        var count = await command.ExecuteScalarAsync(ct);
        return count is null or DBNull ? refused : RateLimitDecision.Allow(now);
    }

    /// <summary>Deletes the counters whose window has ended; returns how many.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RateLimitCounters.Where(c => c.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }

    /// <summary>The stored key: a hash, so addresses and emails are not kept in clear, of a bounded length.</summary>
    public static string KeyOf(string ruleName, string partition) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ruleName}\n{partition.Trim().ToLowerInvariant()}")));

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}

/// <summary>Deletes ended rate-limit windows every few minutes.</summary>
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
                logger.LogWarning(ex, "Could not remove ended rate-limit windows; retrying later");
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
