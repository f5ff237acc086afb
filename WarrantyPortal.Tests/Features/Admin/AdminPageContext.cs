using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using WarrantyPortal.Data;
using WarrantyPortal.Features.Admin.Audit;
using WarrantyPortal.Features.Admin.Orders;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Tests.Features.Admin;

/// <summary>
/// A back-office page rendered with bUnit on the admin harness's SQLite file: MudBlazor with the portal's translations,
/// authorization, and the culture put back after each test (tests set it to render a page in French).
/// </summary>
public abstract class AdminPageContext : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture, _uiCulture = CultureInfo.CurrentUICulture;

    protected AdminPageContext()
    {
        Services.AddMudServices();
        Services.AddTransient<MudBlazor.MudLocalizer, WarrantyPortal.Components.Shared.PortalMudLocalizer>();
        Services.AddLocalization();
        AddAuthorization();
        Services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(H.Factory);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected AdminHarness H { get; } = new();

    /// <summary>What the order audit grid needs: its query (the harness's, or one with another count cap), the admin service, live updates.</summary>
    protected void AddOrderAuditServices(OrderAuditQuery? query = null)
    {
        Services.AddSingleton(query ?? H.Query);
        Services.AddSingleton(H.Service);
        Services.AddSingleton<OrderChangeNotifier>(H.Orders.Notifier);
        Services.AddScoped<AdminActorProvider>();
    }

    protected static void In(string culture) => CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        await base.DisposeAsync();
        H.Dispose();
    }
}
