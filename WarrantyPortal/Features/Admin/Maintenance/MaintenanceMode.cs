using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Admin.Audit;

namespace WarrantyPortal.Features.Admin.Maintenance;

public enum MaintenanceMode
{
    /// <summary>Everyone may use the store.</summary>
    Open = 0,

    /// <summary>Visitors who are not signed in see the maintenance page; signed-in users and admins carry on.</summary>
    ClosedToNewVisitors = 1,

    /// <summary>Everyone but administrators sees the maintenance page.</summary>
    Closed = 2,
}

/// <summary>Who may pass in each mode. Sign-in, health checks and static files always pass, so an admin can get in.</summary>
public static class MaintenanceRule
{
    private static readonly string[] AlwaysOpen = ["/health", "/Account/Login", "/Account/Logout", "/_framework", "/_content", "/assets", "/culture"];

    public static bool MayPass(MaintenanceMode mode, PathString path, ClaimsPrincipal user)
    {
        if (mode == MaintenanceMode.Open) return true;
        if (AlwaysOpen.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))) return true;
        // Static files (css, js, images, fonts) carry an extension; pages and endpoints do not.
        if (Path.HasExtension(path.Value)) return true;
        if (user.IsInRole(Roles.Admin)) return true;
        return mode == MaintenanceMode.ClosedToNewVisitors && user.Identity?.IsAuthenticated == true;
    }
}

/// <summary>
/// The maintenance mode, stored in the database so every instance of the portal obeys it. Read at most every few
/// seconds per instance (the middleware asks on every request); a change made here applies at once on this instance.
/// </summary>
public sealed class MaintenanceService(IDbContextFactory<ApplicationDbContext> factory, TimeProvider clock, ILogger<MaintenanceService> logger)
{
    public const string SettingKey = "MaintenanceMode";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private volatile Snapshot? _cached;

    public async Task<MaintenanceMode> CurrentAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_cached is { } c && now - c.ReadAtUtc < CacheFor) return c.Mode;
        string? value;
        try
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            value = await db.PortalSettings.AsNoTracking().Where(s => s.Key == SettingKey).Select(s => s.Value).SingleOrDefaultAsync(ct);
        }
        catch (System.Data.Common.DbException e)
        {
            // The database is down or not migrated yet: keep the last known mode; /health reports the database itself.
            logger.LogWarning(e, "Could not read the maintenance mode");
            return _cached?.Mode ?? MaintenanceMode.Open;
        }
        var mode = Enum.TryParse<MaintenanceMode>(value, out var m) ? m : MaintenanceMode.Open;
        _cached = new Snapshot(mode, now);
        return mode;
    }

    public async Task SetAsync(MaintenanceMode mode, AdminActor actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(ct);
        var setting = await db.PortalSettings.SingleOrDefaultAsync(s => s.Key == SettingKey, ct);
        var before = setting?.Value ?? nameof(MaintenanceMode.Open);
        if (setting is null) db.PortalSettings.Add(setting = new PortalSetting { Key = SettingKey, Value = "" });
        setting.Value = mode.ToString();
        setting.UpdatedAtUtc = now;
        setting.UpdatedBy = actor.Name;
        AuditTrail.Add(db, actor, now, AuditTrail.SettingKind, SettingKey, "Set", before, mode.ToString());
        await db.SaveChangesAsync(ct);
        _cached = new Snapshot(mode, now);
    }

    private sealed record Snapshot(MaintenanceMode Mode, DateTime ReadAtUtc);
}

/// <summary>Answers with the maintenance page (503) to whoever may not pass in the current mode.</summary>
public sealed class MaintenanceMiddleware(RequestDelegate next, MaintenanceService maintenance)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var mode = await maintenance.CurrentAsync(http.RequestAborted);
        if (MaintenanceRule.MayPass(mode, http.Request.Path, http.User))
        {
            await next(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "600";
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(MaintenanceHtml.Page, http.RequestAborted);
    }
}

public static class MaintenanceHtml
{
    public const string Page = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Back soon · WarrantyPortal</title>
        <style>body{margin:0;font-family:"Segoe UI",Roboto,Helvetica,Arial,sans-serif;background:#f3f6f9;color:#1b2733;display:flex;min-height:100vh;align-items:center;justify-content:center}
        main{background:#fff;border-radius:8px;box-shadow:0 4px 18px rgba(0,0,0,.08);padding:36px 32px;max-width:480px;margin:16px;text-align:center}
        h1{color:#0e5a8a;font-size:1.6rem;margin:16px 0 8px}p{line-height:1.5;color:#5b6b7a}a{color:#0e5a8a}</style></head>
        <body><main><img src="/assets/brand/logo.svg" alt="WarrantyPortal" height="40">
        <h1>We'll be back soon</h1><p>The store is closed for maintenance. Your orders and warranties are safe; please come back in a little while.</p>
        <h1 lang="fr">Nous revenons vite</h1><p lang="fr">La boutique est fermée pour maintenance. Vos commandes et garanties sont en sécurité ; revenez dans quelques instants.</p>
        <p><a href="/Account/Login">Sign in · Se connecter</a></p></main></body></html>
        """;
}
