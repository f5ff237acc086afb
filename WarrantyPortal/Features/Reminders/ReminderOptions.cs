namespace WarrantyPortal.Features.Reminders;

public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Send reminder emails about owners' devices.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days before a device's last day to buy an extension that its owner is reminded.</summary>
    public int PurchaseWindowLeadDays { get; set; } = 30;

    /// <summary>Days before a device's cover ends that its owner is reminded.</summary>
    public int WarrantyEndLeadDays { get; set; } = 60;

    /// <summary>How often the worker looks whether today's run is done (it runs once per UTC day).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an instance holds the day's run before another may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(30);
}
