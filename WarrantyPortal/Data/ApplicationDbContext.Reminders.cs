using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Features.Reminders;

namespace WarrantyPortal.Data;

public partial class ApplicationDbContext
{
    public DbSet<DeviceReminder> DeviceReminders => Set<DeviceReminder>();
    public DbSet<ReminderRun> ReminderRuns => Set<ReminderRun>();
    public DbSet<ReminderPreference> ReminderPreferences => Set<ReminderPreference>();
}
