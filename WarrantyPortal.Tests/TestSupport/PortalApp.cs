using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using WarrantyPortal.Data;

namespace WarrantyPortal.Tests.TestSupport;

/// <summary>
/// The real app on a real loopback port (Kestrel), with its own SQLite file and a real SMTP listener.
/// Runs in Development so static web assets are served from the build output.
/// </summary>
public class PortalApp : WebApplicationFactory<Program>
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wp-app", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;

    public PortalApp(IDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(_dir);
        Port = SmtpListener.FreePort();
        Smtp = SmtpListener.StartNew();
        _settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir, "portal.db"), DefaultTimeout = 30 }.ToString(),
            ["Portal:SeedDemoData"] = "true",
            ["Portal:PublicBaseUrl"] = BaseUrl,
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = Smtp.Port.ToString(),
            ["Mail:Smtp:Security"] = "None",
            ["Mail:RetryBaseSeconds"] = "1",
            ["Mail:PollSeconds"] = "1",
            ["Mail:PickupDirectory"] = Path.Combine(_dir, "mail"),
            // The daily reminder emails would land among the mail other journeys wait for; their own tests switch them on.
            ["Reminders:Enabled"] = "false",
            // Every browser of a test run comes from 127.0.0.1: the per-address limits would soon refuse them all.
            // The limits themselves are tested with their own fixture (RateLimitJourneyTests).
            ["RateLimits:PasswordSignInPerAddress:Limit"] = "100000",
            ["RateLimits:CodeRequestPerAddress:Limit"] = "100000",
            ["RateLimits:CodeRequestPerEmail:Limit"] = "100000",
            ["RateLimits:PasswordResetPerAddress:Limit"] = "100000",
            ["RateLimits:PasswordResetPerEmail:Limit"] = "100000",
            ["RateLimits:OrderLookupPerAddress:Limit"] = "100000",
            ["WarrantyCheck:SerialNumbersPerWindow"] = "100000",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) _settings[k] = v;
        UseKestrel(Port);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public SmtpListener Smtp { get; }

    public string DataFolder => _dir;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // Both: UseSetting is seen by what the app reads while registering services (database, mail transport),
        // which runs before configuration callbacks; the callback's source comes last, so it also wins over
        // the development settings file the app adds itself.
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(_settings));
    }

    /// <summary>Starts Kestrel once; safe to call from every test.</summary>
    public PortalApp Start()
    {
        lock (_settings)
        {
            StartServer();
        }
        return this;
    }

    public ApplicationDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The first http(s) link in an email's text part that contains <paramref name="contains"/>.</summary>
    public static string LinkIn(MimeMessage message, string contains)
    {
        var text = message.TextBody ?? message.HtmlBody ?? "";
        var match = Regex.Matches(text, @"https?://[^\s""<>]+").Select(m => m.Value).FirstOrDefault(u => u.Contains(contains, StringComparison.OrdinalIgnoreCase));
        return match ?? throw new InvalidOperationException($"No link containing '{contains}' in «{message.Subject}»: {text}");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.DisposeAsync().AsTask().GetAwaiter().GetResult();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
