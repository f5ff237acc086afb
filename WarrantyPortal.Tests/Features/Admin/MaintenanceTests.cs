using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Admin.Maintenance;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Admin;

public class MaintenanceTests
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private static readonly ClaimsPrincipal Customer = User(Roles.Customer);
    private static readonly ClaimsPrincipal Admin = User(Roles.Admin);

    private static ClaimsPrincipal User(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, role), new Claim(ClaimTypes.Role, role)], "test"));

    public static TheoryData<MaintenanceMode, string, string, bool> Cases => new()
    {
        { MaintenanceMode.Open, "/", "anonymous", true },
        { MaintenanceMode.ClosedToNewVisitors, "/", "anonymous", false },
        { MaintenanceMode.ClosedToNewVisitors, "/orders", "customer", true },
        { MaintenanceMode.ClosedToNewVisitors, "/admin", "admin", true },
        { MaintenanceMode.Closed, "/orders", "customer", false },
        { MaintenanceMode.Closed, "/", "anonymous", false },
        { MaintenanceMode.Closed, "/admin/orders", "admin", true },
        { MaintenanceMode.Closed, "/Account/Login", "anonymous", true },
        { MaintenanceMode.Closed, "/health", "anonymous", true },
        { MaintenanceMode.Closed, "/_framework/blazor.web.js", "anonymous", true },
        { MaintenanceMode.Closed, "/assets/brand/logo.svg", "anonymous", true },
        { MaintenanceMode.Closed, "/app.css", "customer", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MayPass_ModePathAndVisitor_AsTheModePromises(MaintenanceMode mode, string path, string who, bool expected)
    {
        var user = who switch { "admin" => Admin, "customer" => Customer, _ => Anonymous };
        Assert.Equal(expected, MaintenanceRule.MayPass(mode, new PathString(path), user));
    }

    [Fact]
    public async Task SetAsync_Closed_StoredReadBackAndAudited()
    {
        using var db = new TestDatabase();
        var clock = new ManualClock(new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero));
        var writer = new MaintenanceService(db, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<MaintenanceService>.Instance);

        await writer.SetAsync(MaintenanceMode.Closed, AdminHarness.Ada);

        Assert.Equal(MaintenanceMode.Closed, await new MaintenanceService(db, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<MaintenanceService>.Instance).CurrentAsync());
        await using var ctx = db.CreateDbContext();
        var entry = await ctx.AuditEntries.SingleAsync();
        Assert.Equal(("Open", "Closed", "Ada Admin"), (entry.Before, entry.After, entry.ActorName));
    }

    [Fact]
    public async Task Middleware_RunningAppClosed_VisitorsGetMaintenancePageSignInAndHealthStayUp()
    {
        using var app = new PortalApp().Start();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var maintenance = app.Get<MaintenanceService>();

        await maintenance.SetAsync(MaintenanceMode.Closed, AdminHarness.Ada);
        using var home = await http.GetAsync("/");
        using var login = await http.GetAsync("/Account/Login");
        using var health = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, home.StatusCode);
        Assert.Contains("back soon", await home.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, health.StatusCode);

        await maintenance.SetAsync(MaintenanceMode.Open, AdminHarness.Ada);
        using var reopened = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
    }
}
