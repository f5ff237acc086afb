using Microsoft.AspNetCore.DataProtection;
using WarrantyPortal.Data;

namespace WarrantyPortal.Infrastructure;

public static class StartupTasks
{
    /// <summary>Migrates and seeds before the first request, then tells the developer how to sign in.</summary>
    public static async Task InitializeAsync(this WebApplication app)
    {
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }
        // Load (or, on a new database, create) the shared key ring now rather than on the first request, so an instance
        // started after another uses the key already in the database instead of making its own.
        app.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("WarrantyPortal.Startup").Protect("ready");
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value;
        if (options.SeedDemoData)
        {
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var urls = string.Join(", ", app.Urls);
                var lines = new List<string> { "", $"  WarrantyPortal is running at {urls}", "  Demo sign-ins:" };
                lines.AddRange(DatabaseInitializer.DemoAccounts.Select(a => $"    {a.Role,-9} {a.Email,-38} password: {a.Password}"));
                lines.Add("");
                Console.WriteLine(string.Join(Environment.NewLine, lines));
            });
        }
    }
}
