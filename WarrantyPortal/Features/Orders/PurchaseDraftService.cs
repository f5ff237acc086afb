using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Orders;

/// <summary>The quick-purchase form's state as saved on the server. Prices are not kept: they are computed again on load.</summary>
public sealed record PurchaseDraftContent
{
    public string? Country { get; init; }
    public string? Currency { get; init; }
    public string? FullName { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public PayerKind PayerKind { get; init; }
    public string? PayerName { get; init; }
    public string? TaxId { get; init; }
    public PostalAddress? InstallationAddress { get; init; }
    public PostalAddress? BillingAddress { get; init; }
    public string? Remark { get; init; }
    public bool ConsentToImmediateStart { get; init; }
    public IReadOnlyList<PurchaseDraftLine> Lines { get; init; } = [];
}

public sealed record PurchaseDraftLine(string SerialNumber, string? PlanCode);

/// <summary>Whose draft: a signed-in user's, or a visitor's identified by an anonymous draft id (kept in a cookie).</summary>
public readonly record struct DraftOwner(string? UserId, string? AnonymousId)
{
    public static DraftOwner User(string userId) => new(userId, null);

    public static DraftOwner Anonymous(string anonymousId) => new(null, anonymousId);
}

/// <summary>Loads and saves the quick-purchase draft, and hands a visitor's draft to their account when they sign in.</summary>
public sealed class PurchaseDraftService(IDbContextFactory<ApplicationDbContext> factory, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PurchaseDraftContent?> LoadAsync(DraftOwner owner, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var json = await Of(db, owner).Select(d => d.ContentJson).SingleOrDefaultAsync(ct);
        return json is null ? null : Read(json);
    }

    public async Task SaveAsync(DraftOwner owner, PurchaseDraftContent content, CancellationToken ct = default)
    {
        Check(owner);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var draft = await Of(db, owner).SingleOrDefaultAsync(ct);
            if (draft is null)
            {
                draft = new PurchaseDraft { Id = Guid.CreateVersion7(), OwnerUserId = owner.UserId, AnonymousId = owner.UserId is null ? owner.AnonymousId : null };
                db.PurchaseDrafts.Add(draft);
            }
            draft.ContentJson = JsonSerializer.Serialize(content, Json);
            draft.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another tab created the same owner's draft at the same moment: save over it.
            }
        }
    }

    public async Task DeleteAsync(DraftOwner owner, CancellationToken ct = default)
    {
        Check(owner);
        await using var db = await factory.CreateDbContextAsync(ct);
        await Of(db, owner).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// After sign-in: the visitor's draft becomes the user's (replacing an older one the user had), and the anonymous
    /// copy is removed. Returns the user's draft afterwards.
    /// </summary>
    public async Task<PurchaseDraftContent?> ClaimAnonymousAsync(string anonymousId, string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var anonymous = await db.PurchaseDrafts.SingleOrDefaultAsync(d => d.AnonymousId == anonymousId && d.OwnerUserId == null, ct);
        var mine = await db.PurchaseDrafts.SingleOrDefaultAsync(d => d.OwnerUserId == userId, ct);
        if (anonymous is not null)
        {
            if (mine is null || mine.UpdatedAtUtc <= anonymous.UpdatedAtUtc)
            {
                if (mine is not null) db.PurchaseDrafts.Remove(mine);
                db.PurchaseDrafts.Remove(anonymous);
                await db.SaveChangesAsync(ct);
                mine = new PurchaseDraft
                {
                    Id = Guid.CreateVersion7(), OwnerUserId = userId, ContentJson = anonymous.ContentJson, UpdatedAtUtc = clock.GetUtcNow().UtcDateTime,
                };
                db.PurchaseDrafts.Add(mine);
            }
            else
            {
                db.PurchaseDrafts.Remove(anonymous);
            }
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return mine is null ? null : Read(mine.ContentJson);
    }

    private static IQueryable<PurchaseDraft> Of(ApplicationDbContext db, DraftOwner owner) => owner.UserId is { } userId
        ? db.PurchaseDrafts.Where(d => d.OwnerUserId == userId)
        : db.PurchaseDrafts.Where(d => d.AnonymousId == owner.AnonymousId && d.OwnerUserId == null);

    private static PurchaseDraftContent Read(string json) => JsonSerializer.Deserialize<PurchaseDraftContent>(json, Json) ?? new();

    private static void Check(DraftOwner owner)
    {
        if (string.IsNullOrWhiteSpace(owner.UserId) && string.IsNullOrWhiteSpace(owner.AnonymousId))
        {
            throw new ArgumentException("A draft belongs to a user or to an anonymous draft id.", nameof(owner));
        }
    }
}
