using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Admin.Audit;
using WarrantyPortal.Features.Admin.Orders;
using WarrantyPortal.Features.Catalog;

namespace WarrantyPortal.Features.Admin.Users;

public sealed record UserRow(string Id, string Email, string FullName, string? Company, string Country, string Role, string? ProfileCode,
    bool Locked, int OrderCount);

public sealed record UserOrder(string Number, OrderStatus Status, DateTime? SubmittedAtUtc, Money Total);

/// <summary>Finds users and changes what an administrator may change: role, customer profile, lock. Each change is audited.</summary>
public sealed class UserAdminService(IDbContextFactory<ApplicationDbContext> factory, CatalogQuery catalog, TimeProvider clock)
{
    public async Task<(IReadOnlyList<UserRow> Rows, int Total)> SearchAsync(string? term, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(term))
        {
            var t = term.Trim().ToLowerInvariant();
            q = q.Where(u => u.Email!.ToLower().Contains(t) || u.FullName.ToLower().Contains(t) || (u.Company != null && u.Company.ToLower().Contains(t)));
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderBy(u => u.Email).Skip(skip).Take(Math.Clamp(take, 1, 100))
            .Select(u => new
            {
                u.Id, u.Email, u.FullName, u.Company, u.Country, u.LockoutEnd,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                Profile = db.UserProfileAssignments.Where(p => p.UserId == u.Id).Select(p => p.ProfileCode).FirstOrDefault(),
                Orders = db.Orders.Count(o => o.CustomerUserId == u.Id && o.Status != OrderStatus.Draft),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return (rows.Select(r => new UserRow(r.Id, r.Email ?? "", r.FullName, r.Company, r.Country, r.Role ?? Roles.Customer, r.Profile,
            r.LockoutEnd > now, r.Orders)).ToList(), total);
    }

    public async Task<IReadOnlyList<UserOrder>> OrdersAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var rows = await db.Orders.AsNoTracking().Where(o => o.CustomerUserId == userId && o.Status != OrderStatus.Draft)
            .OrderByDescending(o => o.SubmittedAtUtc).Take(50)
            .Select(o => new { o.Number, o.Status, o.SubmittedAtUtc, o.TotalMinor, o.Currency }).ToListAsync(ct);
        return rows.Select(o => new UserOrder(o.Number!, o.Status, o.SubmittedAtUtc, new Money(o.TotalMinor, o.Currency))).ToList();
    }

    public async Task<string?> SetRoleAsync(string userId, string role, AdminActor actor, CancellationToken ct = default)
    {
        if (!Roles.All.Contains(role)) return AdminStrings.Get("Users_NotARole", role, string.Join(", ", Roles.All.Select(RoleLook.Label)));
        if (userId == actor.UserId && role != Roles.Admin) return AdminStrings.Get("Users_OwnAdminRole");
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return AdminStrings.Get("Users_NoSuchUser");
        var roleIds = await db.Roles.Where(r => Roles.All.Contains(r.Name!)).ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        if (!roleIds.TryGetValue(role, out var roleId)) return AdminStrings.Get("Users_RoleMissing", RoleLook.Label(role));
        var current = await db.UserRoles.Where(ur => ur.UserId == userId && roleIds.Values.Contains(ur.RoleId)).ToListAsync(ct);
        var before = string.Join(", ", roleIds.Where(r => current.Any(c => c.RoleId == r.Value)).Select(r => r.Key));
        db.UserRoles.RemoveRange(current);
        db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = userId, RoleId = roleId });
        // A new security stamp makes the user's open sessions pick up the new role at their next check.
        user.SecurityStamp = Guid.NewGuid().ToString();
        AuditTrail.Add(db, actor, Now, AuditTrail.UserKind, user.Email ?? userId, "SetRole", before, role);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> SetProfileAsync(string userId, string profileCode, AdminActor actor, CancellationToken ct = default)
    {
        var profiles = await catalog.ProfilesAsync(ct);
        var profile = profiles.FirstOrDefault(p => string.Equals(p.Code, profileCode, StringComparison.OrdinalIgnoreCase));
        if (profile is null) return AdminStrings.Get("Users_NoSuchProfile", profileCode, string.Join(", ", profiles.Select(p => p.Code)));
        await using var db = await factory.CreateDbContextAsync(ct);
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (email is null) return AdminStrings.Get("Users_NoSuchUser");
        var row = await db.UserProfileAssignments.SingleOrDefaultAsync(a => a.UserId == userId, ct);
        var before = row?.ProfileCode;
        if (row is null) db.UserProfileAssignments.Add(row = new UserProfileAssignment { UserId = userId, ProfileCode = "" });
        row.ProfileCode = profile.Code;
        row.AssignedAtUtc = Now;
        AuditTrail.Add(db, actor, Now, AuditTrail.UserKind, email, "SetProfile", before, profile.Code);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public async Task<string?> SetLockedAsync(string userId, bool locked, AdminActor actor, CancellationToken ct = default)
    {
        if (userId == actor.UserId && locked) return AdminStrings.Get("Users_OwnLock");
        await using var db = await factory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return AdminStrings.Get("Users_NoSuchUser");
        user.LockoutEnabled = true;
        user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
        user.AccessFailedCount = 0;
        user.SecurityStamp = Guid.NewGuid().ToString();
        AuditTrail.Add(db, actor, Now, AuditTrail.UserKind, user.Email ?? userId, locked ? "Lock" : "Unlock", null, null);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The customer profile a user buys under (the default one when none was assigned).</summary>
    public async Task<string> ProfileCodeAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.UserProfileAssignments.Where(a => a.UserId == userId).Select(a => a.ProfileCode).SingleOrDefaultAsync(ct)
            ?? Domain.Catalog.CustomerProfile.CustomerCode;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
