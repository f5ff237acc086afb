using System.Text;
using WarrantyPortal.Data;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Admin.Orders;

namespace WarrantyPortal.Features.Admin;

/// <summary>The back office's services and its file endpoints (exports), all behind the admin policy.</summary>
public static class AdminSetup
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddSingleton<OrderAuditQuery>();
        services.AddSingleton<AdminOrderEmails>();
        services.AddSingleton<OrderAdminService>();
        services.AddSingleton<OrderPlanChangeService>();
        services.AddSingleton<OrderAdminQuery>();
        services.AddScoped<Audit.AdminActorProvider>();
        services.AddSingleton<Dashboard.DashboardQuery>();
        services.AddTransient<IDemoSeeder, Dashboard.BackOfficeDemoSeeder>();
        services.AddSingleton<Maintenance.MaintenanceService>();
        services.AddSingleton<Users.UserAdminService>();
        return services;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        app.UseMiddleware<Maintenance.MaintenanceMiddleware>();
        var admin = app.MapGroup("/admin").RequireAuthorization(Roles.AdminPolicy);

        admin.MapGet("/orders/export.csv", async (HttpContext http, OrderAuditQuery query, TimeProvider clock) =>
        {
            var c = OrderAuditCriteria.From(http.Request.Query);
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"orders-{Stamp(clock)}.csv\"";
            await OrderAuditExport.WriteCsvAsync(query.StreamAsync(c.Filter, c.Sort, c.Descending, http.RequestAborted), http.Response.Body, http.RequestAborted);
        });

        admin.MapGet("/orders/export.xlsx", async (HttpContext http, OrderAuditQuery query, TimeProvider clock) =>
        {
            var c = OrderAuditCriteria.From(http.Request.Query);
            var bytes = await OrderAuditExport.XlsxAsync(query.StreamAsync(c.Filter, c.Sort, c.Descending, http.RequestAborted), http.RequestAborted);
            return Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"orders-{Stamp(clock)}.xlsx");
        });

        admin.MapGet("/orders/{number}/xml", async (string number, OrderAdminQuery query, CancellationToken ct) =>
        {
            var details = await query.GetAsync(number, ct);
            if (details is null) return Results.NotFound();
            var doc = OrderXml.Build(details);
            var xml = doc.Declaration + "\n" + doc.Root;
            return Results.File(Encoding.UTF8.GetBytes(xml), "application/xml", $"{details.Order.Number}.xml");
        });
        return app;
    }

    private static string Stamp(TimeProvider clock) => clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
}
