namespace WarrantyPortal.Features.Reminders;

public static class ReminderSetup
{
    /// <summary>The daily reminder emails about owners' devices, their unsubscribe link and preference.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ReminderOptions>(config.GetSection(ReminderOptions.Section));
        services.AddSingleton<ReminderLinks>();
        services.AddSingleton<ReminderPreferences>();
        services.AddSingleton<ReminderEmails>();
        services.AddSingleton<ReminderSignal>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<ReminderWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderWorker>());
        return services;
    }
}
