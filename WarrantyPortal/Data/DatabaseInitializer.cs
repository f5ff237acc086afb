using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Data;

/// <summary>Migrates the database, creates the roles and the first admin, and seeds demo data when asked.</summary>
public sealed class DatabaseInitializer(
    ApplicationDbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<PortalOptions> options,
    TimeProvider clock,
    IServiceProvider services,
    ILogger<DatabaseInitializer> logger)
{
    public static readonly DemoAccount[] DemoAccounts =
    [
        new("admin@demo.warrantyportal.test", "demo-admin-2026", "Alice Admin", "FR", Roles.Admin),
        new("reseller@demo.warrantyportal.test", "demo-reseller-2026", "Rémi Reseller", "FR", Roles.Reseller),
        new("customer@demo.warrantyportal.test", "demo-customer-2026", "Clara Customer", "DE", Roles.Customer),
    ];

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            // Readers never wait for the writer, and a writer waits for another instead of failing at once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await db.Database.MigrateAsync(ct);
        await Features.Admin.Orders.OrderAuditSearch.LogIfMissingAsync(db, logger, ct);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }

        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.InitialAdminEmail) && !string.IsNullOrWhiteSpace(o.InitialAdminPassword)
            && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0)
        {
            await EnsureUserAsync(new DemoAccount(o.InitialAdminEmail, o.InitialAdminPassword, "Administrator", "", Roles.Admin));
            logger.LogInformation("Created the first administrator {Email} from configuration", o.InitialAdminEmail);
        }

        if (o.SeedDemoData)
        {
            foreach (var account in DemoAccounts) await EnsureUserAsync(account);
            foreach (var seeder in services.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
            {
                await seeder.SeedAsync(ct);
            }
        }
    }

    private async Task EnsureUserAsync(DemoAccount account)
    {
        var user = await users.FindByEmailAsync(account.Email);
        if (user is null)
        {
            user = new ApplicationUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                FullName = account.FullName,
                Country = account.Country,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(user, account.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Cannot create {account.Email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
        if (!await users.IsInRoleAsync(user, account.Role)) await users.AddToRoleAsync(user, account.Role);
    }
}

public sealed record DemoAccount(string Email, string Password, string FullName, string Country, string Role);

/// <summary>A feature's demo data; run in <see cref="Order"/> after the demo accounts exist.</summary>
public interface IDemoSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken ct);
}
