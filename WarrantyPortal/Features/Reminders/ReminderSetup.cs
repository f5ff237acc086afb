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

    /// <summary>The one-click unsubscribe POST of the reminder emails' List-Unsubscribe header.</summary>
    public static WebApplication MapReminders(this WebApplication app)
    {
        // Ordered before the unsubscribe page, which shares the address and would ask a POST for an antiforgery token.
        app.MapPost(ReminderLinks.UnsubscribePath, OneClickUnsubscribeEndpoint.HandleAsync)
            .DisableAntiforgery()
            .WithOrder(-1);
        return app;
    }
}
