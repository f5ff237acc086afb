using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Reminders;

/// <summary>Wakes the reminder worker at once (it also looks every <see cref="ReminderOptions.CheckInterval"/>).</summary>
public sealed class ReminderSignal : WorkSignal;
