using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WarrantyPortal.Data;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Foundation;

public class StartupTests
{
    [Fact]
    public async Task Health_RunningApp_ReportsDatabaseAndMailWorkerHealthy()
    {
        using var app = new PortalApp().Start();
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };

        JsonElement body = default;
        // The mail worker reports on its first loop, just after start.
        for (var i = 0; i < 100; i++)
        {
            using var response = await http.GetAsync("/health");
            body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (response.StatusCode == HttpStatusCode.OK && body.GetProperty("status").GetString() == "Healthy") break;
            await app.Get<WarrantyPortal.Features.Notifications.OutboxSignal>().WaitAsync(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }

        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("mail-worker").GetProperty("status").GetString());
    }

    [Fact]
    public async Task FirstStart_Production_CreatesFirstAdminFromConfigurationAndNoDemoAccounts()
    {
        using var app = new PortalApp(new Dictionary<string, string?>
        {
            ["Portal:SeedDemoData"] = "false",
            ["Portal:InitialAdminEmail"] = "owner@manufacturer.example",
            ["Portal:InitialAdminPassword"] = "a long first admin passphrase",
        }).Start();

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync("owner@manufacturer.example");
        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Admin));
        Assert.True(await users.CheckPasswordAsync(admin, "a long first admin passphrase"));
        Assert.Null(await users.FindByEmailAsync(DatabaseInitializer.DemoAccounts[0].Email));
    }

    [Fact]
    public async Task FirstStart_Development_SeedsOneDemoAccountPerRole()
    {
        using var app = new PortalApp().Start();

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var role in Roles.All)
        {
            var inRole = await users.GetUsersInRoleAsync(role);
            Assert.Contains(inRole, u => u.Email!.EndsWith("@demo.warrantyportal.test"));
        }
    }

    [Fact]
    public async Task FirstStart_Development_EveryDemoOrderIsForDevicesTheRegistryKnows()
    {
        using var app = new PortalApp().Start();

        await using var db = await app.Get<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        var ordered = await db.OrderLines.Select(l => l.SerialNumber).Distinct().ToListAsync();
        var known = await db.Devices.Where(d => ordered.Contains(d.SerialNumber)).Select(d => d.SerialNumber).ToListAsync();
        Assert.NotEmpty(ordered);
        Assert.Empty(ordered.Except(known));
    }

    [Fact]
    public async Task FirstStart_Development_EachDemoDeviceIsOnOneOpenOrderAtMost()
    {
        using var app = new PortalApp().Start();

        await using var db = await app.Get<IDbContextFactory<ApplicationDbContext>>().CreateDbContextAsync();
        var open = new[] { WarrantyPortal.Domain.Orders.OrderStatus.Submitted, WarrantyPortal.Domain.Orders.OrderStatus.Approved, WarrantyPortal.Domain.Orders.OrderStatus.AwaitingTransfer };
        var serials = await db.Orders.Where(o => open.Contains(o.Status)).SelectMany(o => o.Lines.Select(l => l.SerialNumber)).ToListAsync();
        Assert.NotEmpty(serials);
        Assert.Empty(serials.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key));
    }
}
