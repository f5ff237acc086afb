using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using WarrantyPortal.Components;
using WarrantyPortal.Components.Account;
using WarrantyPortal.Data;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Documents;
using WarrantyPortal.Features.Fulfilment;
using WarrantyPortal.Features.BatchImport;
using WarrantyPortal.Features.Admin;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Registry;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Features.Purchase;
using WarrantyPortal.Features.Reminders;
using WarrantyPortal.Features.Vies;
using WarrantyPortal.Infrastructure.RateLimiting;

namespace WarrantyPortal.Infrastructure;

/// <summary>All of the portal's wiring, so Program.cs stays two lines.</summary>
public static class PortalSetup
{
    public static WebApplicationBuilder AddWarrantyPortal(this WebApplicationBuilder builder)
    {
        var env = builder.Environment;
        if (env.IsDevelopment())
        {
            // The development settings live at the repository root, beside the README.
            var rootSettings = Path.GetFullPath(Path.Combine(env.ContentRootPath, "..", "appsettings.Development.json"));
            builder.Configuration.AddJsonFile(File.Exists(rootSettings) ? rootSettings : Path.Combine(AppContext.BaseDirectory, "appsettings.Development.json"), optional: true);
            builder.Configuration.AddEnvironmentVariables();
            builder.Configuration.AddCommandLine(Environment.GetCommandLineArgs().Skip(1).ToArray());
        }

        var services = builder.Services;
        var config = builder.Configuration;
        AddSecurity(builder);
        services.Configure<PortalOptions>(config.GetSection(PortalOptions.Section));
        services.Configure<MailOptions>(config.GetSection(MailOptions.Section));
        services.AddSingleton(TimeProvider.System);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, Components.Shared.PortalMudLocalizer>();
        services.AddLocalization();
        services.AddHttpContextAccessor();

        AddData(services, config, env);
        services.AddDbRateLimiting(config);
        AddIdentity(services);
        AddNotifications(services, config);
        services.AddRegistry(config);
        services.AddOrders();
        services.AddVies(config, env.IsDevelopment());
        services.AddPurchase();
        AddDocuments(services, config);
        services.AddPayments(config);
        services.AddAdmin();
        services.AddBatchImport();
        services.AddFulfilment(config);
        services.AddReminders(config);
        if (env.IsDevelopment()) services.AddMemoryDiagnostics();

        services.AddHealthChecks()
            .AddDbContextCheck<ApplicationDbContext>("database")
            .AddCheck<MailWorkerHealthCheck>("mail-worker");

        return builder;
    }

    /// <summary>Largest request body any endpoint takes: forms and webhooks are small, files arrive over the circuit.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    private static void AddSecurity(WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
        });
        var development = builder.Environment.IsDevelopment();
        // Secure everywhere but a developer's plain-http localhost; never readable from script; never sent on cross-site posts.
        var secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.Configure<CookiePolicyOptions>(o =>
        {
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            o.Secure = secure;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    private static void AddData(IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        services.Configure<DatabaseOptions>(config.GetSection(DatabaseOptions.Section));
        // Options are read when the first context is made, not here: hosts and tests add configuration after this runs.
        services.AddDbContextFactory<ApplicationDbContext>((sp, o) =>
        {
            var db = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
            ConfigureProvider(o, db, env);
        });
        // Identity's stores want a scoped context; everything else asks the factory for one per operation.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext());
        services.AddDatabaseDeveloperPageExceptionFilter();
        services.AddScoped<DatabaseInitializer>();

        // Every instance on the same database reads and writes one key ring under one application name, so a cookie,
        // an antiforgery token or an emailed account link protected by one instance is read by any other.
        services.AddDataProtection()
            .SetApplicationName("WarrantyPortal")
            .PersistKeysToDbContext<ApplicationDbContext>()
            .ProtectKeysFromConfiguration(config);
    }

    /// <summary>Sqlite (default) or Postgres; shared by the app, the command line tools and the tests.</summary>
    public static void ConfigureProvider(DbContextOptionsBuilder o, DatabaseOptions db, IHostEnvironment? env)
    {
        if (string.Equals(db.Provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            o.UseNpgsql(db.ConnectionString ?? throw new InvalidOperationException("Database:ConnectionString is required for Postgres."),
                n => n.CommandTimeout(30));
        }
        else if (string.Equals(db.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            o.UseSqlite(db.ConnectionString ?? DefaultSqlite(env ?? throw new InvalidOperationException("Database:ConnectionString is required.")),
                s => s.CommandTimeout(30));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{db.Provider}' is not supported: use Sqlite or Postgres.");
        }
        o.ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly, ProviderMigrationsAssembly>();
    }

    private static string DefaultSqlite(IHostEnvironment env)
    {
        var dir = Path.Combine(env.ContentRootPath, "App_Data");
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, "warrantyportal.db")}";
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin));

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = true;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                o.User.RequireUniqueEmail = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Password.RequiredLength = Domain.Accounts.PasswordPolicy.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ApplicationDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>();

        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityEmailSender>();
        services.AddSingleton<AccountLinks>();
        services.AddSingleton<SignInCodeService>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<AddressBook>();
    }

    private static void AddNotifications(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<EmailComposer>();
        services.AddSingleton<WorkerHealth>();
        services.AddSingleton<PickupFolderMailTransport>();
        services.AddSingleton<SmtpMailTransport>();
        services.AddSingleton<IMailTransport>(sp =>
            string.IsNullOrWhiteSpace(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MailOptions>>().Value.Smtp.Host)
                ? sp.GetRequiredService<PickupFolderMailTransport>()
                : sp.GetRequiredService<SmtpMailTransport>());
        services.AddSingleton<OutboxQuery>();
        services.AddSingleton<OutboxResendService>();
        services.AddSingleton<OutboxDeliveryWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDeliveryWorker>());
    }

    private static void AddDocuments(IServiceCollection services, IConfiguration config)
    {
        services.Configure<SellerOptions>(config.GetSection(SellerOptions.Section));
        // Fonts and logo load once, on first use, from the web root (or the repository when run from tests).
        services.AddSingleton(sp => DocumentAssets.Load(sp.GetRequiredService<IWebHostEnvironment>().WebRootPath));
        services.AddSingleton<CertificatePdf>();
        services.AddSingleton<InvoicePdf>();
    }

    public static WebApplication MapWarrantyPortal(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseCookiePolicy();
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
            app.MapMemoryDiagnostics();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        app.UseRequestLocalization(o =>
        {
            // The portal's own instances, so a request (and the circuit it starts) formats dates as PortalCultures.Get says.
            var cultures = PortalCultures.Supported.Select(PortalCultures.Get).ToList();
            o.DefaultRequestCulture = new RequestCulture(PortalCultures.Get("en"));
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        app.UseAntiforgery();
        app.MapStaticAssets();

        app.MapGet("/culture/set", (string culture, string? returnUrl, HttpContext http) =>
        {
            if (PortalCultures.Supported.Contains(culture))
            {
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax });
            }
            return Results.LocalRedirect(AccountLinks.LocalOrNull(returnUrl) ?? "/");
        });
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            ResponseWriter = HealthResponse.WriteAsync,
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));

        app.MapPayments();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapRegistry();
        app.MapAdmin();
        app.MapBatchImport();
        app.MapFulfilment();
        app.MapReminders();
        return app;
    }
}
