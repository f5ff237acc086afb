using Microsoft.AspNetCore.Identity;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Purchase;
using WarrantyPortal.Features.Vies;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Purchase;

/// <summary>Accounts, orders and the purchase services on a <see cref="RegistryFixture"/> database.</summary>
internal static class PurchaseTestData
{
    public static CatalogOrderPricer Pricer(RegistryFixture fx, IVatNumberChecker? vies = null) =>
        new(fx.Eligibility(new OpenOrderLookup(fx.Database)), fx.Catalog, new BuyerDirectory(fx.Database), vies ?? new FormatOnlyVatNumberChecker(),
            TestLocalizer.For<WarrantyPortal.Domain.Eligibility.EligibilityText>(), TestLocalizer.For<PurchaseText>());

    /// <summary>Adds an account (with a role when given) and returns its id.</summary>
    public static string AddUser(RegistryFixture fx, string? role = null, string country = "DE")
    {
        var id = "user-" + Guid.NewGuid().ToString("N")[..8];
        using var db = fx.Database.CreateDbContext();
        var email = id + "@example.test";
        db.Users.Add(new ApplicationUser
        {
            Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            FullName = "Test " + id, Country = country, EmailConfirmed = true,
        });
        if (role is not null)
        {
            var roleRow = db.Roles.FirstOrDefault(r => r.Name == role);
            if (roleRow is null)
            {
                roleRow = new IdentityRole(role) { Id = "role-" + role, NormalizedName = role.ToUpperInvariant() };
                db.Roles.Add(roleRow);
            }
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = roleRow.Id });
        }
        db.SaveChanges();
        return id;
    }

    /// <summary>Saves an order for <paramref name="serial"/> and moves it along the usual path to <paramref name="status"/>.</summary>
    public static string PlaceOrder(RegistryFixture fx, string userId, string serial, OrderStatus status, int sequence)
    {
        var at = fx.Clock.GetUtcNow().UtcDateTime;
        var actor = OrderActor.Customer(userId, "Test");
        var buyer = new BuyerSnapshot
        {
            FullName = "Test", Country = "FR", Email = "t@example.test", Phone = "1", PayerName = "Test",
            InstallationAddress = new PostalAddress { Line1 = "1 rue", City = "Lyon", PostalCode = "69001", Country = "FR" },
        };
        var order = Order.CreateDraft(userId, buyer, "EUR", false, [new OrderLine(serial, "DS3-H", "DS3-H", "MI-TO20", "To 20", 2400, 2400, 2000)],
            null, true, actor, at);
        var number = OrderNumber.Format(DateOnly.FromDateTime(at), sequence);
        order.Submit(number, actor, at);
        if (status is OrderStatus.Cancelled) order.Cancel(actor, at, "changed my mind");
        if (status is OrderStatus.Approved) order.Approve(OrderActor.Admin("admin", "Admin"), at);
        using var db = fx.Database.CreateDbContext();
        db.Orders.Add(order);
        db.SaveChanges();
        return number;
    }
}
