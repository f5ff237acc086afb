using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Admin.Users;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Tests.Features.Orders;

namespace WarrantyPortal.Tests.Features.Admin;

public class UserAdminServiceTests : IDisposable
{
    private readonly AdminHarness _h = new();
    private readonly UserAdminService _users;

    public UserAdminServiceTests()
    {
        using (var db = _h.Orders.Db.CreateDbContext())
        {
            db.Roles.Add(new Microsoft.AspNetCore.Identity.IdentityRole(Roles.Reseller) { Id = "role-reseller", NormalizedName = "RESELLER" });
            db.Roles.Add(new Microsoft.AspNetCore.Identity.IdentityRole(Roles.Customer) { Id = "role-customer", NormalizedName = "CUSTOMER" });
            db.SaveChanges();
        }
        _users = new UserAdminService(_h.Orders.Db, new CatalogQuery(_h.Orders.Db), _h.Orders.Clock);
    }

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task SearchAsync_PartOfNameAnyCase_FindsUserWithOrderCount()
    {
        await _h.AddAsync();
        var (rows, total) = await _users.SearchAsync("ALICE", 0, 10);
        var alice = Assert.Single(rows);
        Assert.Equal(1, total);
        Assert.Equal((OrdersHarness.Alice, 1), (alice.Id, alice.OrderCount));
        Assert.Single(await _users.OrdersAsync(OrdersHarness.Alice));
    }

    [Fact]
    public async Task SetRoleAsync_Reseller_ReplacesRoleAndAudits()
    {
        Assert.Null(await _users.SetRoleAsync(OrdersHarness.Bob, Roles.Reseller, AdminHarness.Ada));
        Assert.Null(await _users.SetRoleAsync(OrdersHarness.Bob, Roles.Customer, AdminHarness.Ada));

        var bob = (await _users.SearchAsync("bob@", 0, 10)).Rows.Single();
        Assert.Equal(Roles.Customer, bob.Role);
        await using var db = _h.Orders.Db.CreateDbContext();
        Assert.Equal(1, await db.UserRoles.CountAsync(r => r.UserId == OrdersHarness.Bob));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == "SetRole"));
    }

    [Fact]
    public async Task SetRoleAsync_AdminDemotingThemself_Refused()
    {
        Assert.NotNull(await _users.SetRoleAsync(OrdersHarness.AdminId, Roles.Customer, AdminHarness.Ada));
    }

    [Fact]
    public async Task SetProfileAsync_KnownAndUnknownCodes_StoredOrRefusedWithChoices()
    {
        Assert.Null(await _users.SetProfileAsync(OrdersHarness.Bob, "reseller", AdminHarness.Ada));
        Assert.Equal("Reseller", await _users.ProfileCodeAsync(OrdersHarness.Bob));
        Assert.Contains("Distributor", await _users.SetProfileAsync(OrdersHarness.Bob, "Gold", AdminHarness.Ada));
        Assert.Equal("Customer", await _users.ProfileCodeAsync(OrdersHarness.Alice));
    }

    [Fact]
    public async Task SetLockedAsync_LockThenUnlock_ShownLockedThenNot()
    {
        Assert.Null(await _users.SetLockedAsync(OrdersHarness.Bob, true, AdminHarness.Ada));
        Assert.True((await _users.SearchAsync("bob@", 0, 10)).Rows.Single().Locked);
        Assert.Null(await _users.SetLockedAsync(OrdersHarness.Bob, false, AdminHarness.Ada));
        Assert.False((await _users.SearchAsync("bob@", 0, 10)).Rows.Single().Locked);
        Assert.NotNull(await _users.SetLockedAsync(OrdersHarness.AdminId, true, AdminHarness.Ada));
    }

    [Fact]
    public async Task SetLockedAsync_OwnAccountInFrench_RefusesWithAFrenchMessage()
    {
        var ui = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            Assert.Equal("Vous ne pouvez pas bloquer votre propre accès.", await _users.SetLockedAsync(AdminHarness.Ada.UserId, true, AdminHarness.Ada));
            Assert.Equal("Vous ne pouvez pas vous retirer vous-même le rôle d'administrateur.",
                await _users.SetRoleAsync(AdminHarness.Ada.UserId, Roles.Customer, AdminHarness.Ada));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = ui;
        }
    }
}
