using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Features.Admin.Audit;

/// <summary>
/// One thing an administrator did: who, when, to what, and the state before and after. Kept forever, never updated:
/// it has no foreign key, so deleting what it speaks of does not delete it.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>What was changed, e.g. "Order" or "User".</summary>
    public required string SubjectKind { get; set; }

    /// <summary>Its key as people read it: an order number, a user's email.</summary>
    public required string SubjectKey { get; set; }

    /// <summary>Short verb for the action, e.g. "Approve", "Reject", "SettlementPrice".</summary>
    public required string Action { get; set; }
    public string? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public DateTime AtUtc { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(a => a.SubjectKind).HasMaxLength(20);
        b.Property(a => a.SubjectKey).HasMaxLength(320);
        b.Property(a => a.Action).HasMaxLength(40);
        b.Property(a => a.ActorUserId).HasMaxLength(450);
        b.Property(a => a.ActorName).HasMaxLength(200);
        b.Property(a => a.Before).HasMaxLength(4000);
        b.Property(a => a.After).HasMaxLength(4000);
        b.HasIndex(a => new { a.SubjectKind, a.SubjectKey, a.AtUtc });
    }
}

/// <summary>The administrator acting, as the audit trail and the order history record them.</summary>
public sealed record AdminActor(string UserId, string Name)
{
    public Domain.Orders.OrderActor ForOrder => Domain.Orders.OrderActor.Admin(UserId, Name);
}

public static class AuditTrail
{
    public const string OrderKind = "Order";
    public const string UserKind = "User";
    public const string SettingKind = "Setting";

    /// <summary>Adds an entry to the caller's unit of work: it is saved with the change it records, or not at all.</summary>
    public static AuditEntry Add(Data.ApplicationDbContext db, AdminActor actor, DateTime atUtc, string kind, string key, string action,
        string? before, string? after)
    {
        var entry = new AuditEntry
        {
            SubjectKind = kind,
            SubjectKey = key,
            Action = action,
            ActorUserId = actor.UserId,
            ActorName = actor.Name,
            AtUtc = atUtc,
            Before = Clip(before),
            After = Clip(after),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    private static string? Clip(string? s) => s is { Length: > 4000 } ? s[..3999] + "…" : s;
}
