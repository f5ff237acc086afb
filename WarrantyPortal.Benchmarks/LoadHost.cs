using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Benchmarks;

/// <summary>The real portal, started in this process on a loopback port with its own SQLite file and the demo data.</summary>
internal sealed class LoadHost : IAsyncDisposable
{
    private LoadHost(WebApplication app, string folder)
    {
        App = app;
        Folder = folder;
    }

    public WebApplication App { get; }

    public string Folder { get; }

    public string BaseUrl => App.Urls.First();

    public static async Task<LoadHost> StartAsync(string name, IDictionary<string, string?>? extra = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "warrantyportal-bench", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(folder, "portal.db")}",
            ["Portal:SeedDemoData"] = "true",
            ["Mail:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;

        // Development: the portal's static web assets (blazor.web.js, MudBlazor) are served from the build output only there.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "WarrantyPortal", EnvironmentName = "Development", Args = [] });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddWarrantyPortal();
        builder.Configuration.AddInMemoryCollection(settings); // after the development file the portal adds
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        await app.InitializeAsync();
        app.MapWarrantyPortal();
        await app.StartAsync();
        return new LoadHost(app, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
