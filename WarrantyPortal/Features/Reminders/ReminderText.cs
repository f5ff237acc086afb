namespace WarrantyPortal.Features.Reminders;

/// <summary>Marker for the reminder emails' and pages' strings (ReminderText.resx, ReminderText.fr.resx).</summary>
public sealed class ReminderText;
