using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;

namespace WarrantyPortal.Features.Reminders;

/// <summary>Whether an account receives reminder emails: from the signed link in an email, or from My account.</summary>
public sealed class ReminderPreferences(IDbContextFactory<ApplicationDbContext> factory, ReminderLinks links, TimeProvider clock)
{
    public async Task<bool> IsSubscribedAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return !await db.ReminderPreferences.AnyAsync(p => p.UserId == userId && p.Unsubscribed, ct);
    }

    public async Task SetAsync(string userId, bool subscribed, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.ReminderPreferences.Where(p => p.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Unsubscribed, !subscribed).SetProperty(p => p.ChangedAtUtc, now), ct);
        if (updated > 0) return;
        db.ReminderPreferences.Add(new ReminderPreference { UserId = userId, Unsubscribed = !subscribed, ChangedAtUtc = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two clicks at once: the other one wrote the row; write this choice over it.
            await using var again = await factory.CreateDbContextAsync(ct);
            await again.ReminderPreferences.Where(p => p.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Unsubscribed, !subscribed).SetProperty(p => p.ChangedAtUtc, now), ct);
        }
    }

    /// <summary>Applies the choice a signed link carries; the account's email (to show whose reminders stopped), or null for a bad link.</summary>
    public async Task<string?> ApplyLinkAsync(string? token, bool subscribed, CancellationToken ct = default)
    {
        if (links.UserIdFrom(token) is not { } userId) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (email is null) return null;
        await SetAsync(userId, subscribed, ct);
        return email;
    }
}
