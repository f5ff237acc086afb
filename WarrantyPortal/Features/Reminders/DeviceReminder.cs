using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Features.Reminders;

public enum ReminderKind
{
    /// <summary>The last days to buy an extension for the device.</summary>
    PurchaseWindow,

    /// <summary>The device's cover ends soon.</summary>
    WarrantyEnd,
}

/// <summary>
/// A reminder sent about one device to its owner. The unique key (owner, device, kind, date) makes each reminder go once:
/// an instance that tries to record it again fails and sends nothing.
/// </summary>
public class DeviceReminder
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string SerialNumber { get; set; } = "";
    public ReminderKind Kind { get; set; }

    /// <summary>The day the reminder is about: the last day to extend, or the last day covered.</summary>
    public DateOnly DueDate { get; set; }

    public DateTime SentAtUtc { get; set; }

    /// <summary>The outbox message that carried it.</summary>
    public long? OutboxMessageId { get; set; }
}

/// <summary>One day's run of the reminder job, claimed by one instance at a time with a conditional update.</summary>
public class ReminderRun
{
    public DateOnly Day { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? CompletedAtUtc { get; set; }
    public int EmailsSent { get; set; }
}

/// <summary>An account's choice about reminder emails; no row means the account receives them.</summary>
public class ReminderPreference
{
    public string UserId { get; set; } = "";
    public bool Unsubscribed { get; set; }
    public DateTime ChangedAtUtc { get; set; }
}

public sealed class DeviceReminderConfiguration : IEntityTypeConfiguration<DeviceReminder>
{
    public void Configure(EntityTypeBuilder<DeviceReminder> b)
    {
        b.ToTable("DeviceReminders");
        b.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        b.Property(r => r.SerialNumber).HasMaxLength(64).IsRequired();
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => new { r.UserId, r.SerialNumber, r.Kind, r.DueDate }).IsUnique();
    }
}

public sealed class ReminderRunConfiguration : IEntityTypeConfiguration<ReminderRun>
{
    public void Configure(EntityTypeBuilder<ReminderRun> b)
    {
        b.ToTable("ReminderRuns");
        b.HasKey(r => r.Day);
        b.Property(r => r.ClaimedBy).HasMaxLength(100);
    }
}

public sealed class ReminderPreferenceConfiguration : IEntityTypeConfiguration<ReminderPreference>
{
    public void Configure(EntityTypeBuilder<ReminderPreference> b)
    {
        b.ToTable("ReminderPreferences");
        b.HasKey(p => p.UserId);
        b.Property(p => p.UserId).HasMaxLength(450);
    }
}
