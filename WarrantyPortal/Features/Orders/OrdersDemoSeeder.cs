using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Orders;

/// <summary>A few orders in different states for the demo customer, so "My orders" has something to show.</summary>
public sealed class OrdersDemoSeeder(IDbContextFactory<ApplicationDbContext> factory, OrderNumberAllocator numbers, TimeProvider clock) : IDemoSeeder
{
    public const string CustomerEmail = "customer@demo.warrantyportal.test";
    private const string AdminEmail = "admin@demo.warrantyportal.test";

    public int Order => 50;

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var customer = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == CustomerEmail, ct);
        var admin = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == AdminEmail, ct);
        if (customer is null || admin is null || await db.Orders.AnyAsync(o => o.CustomerUserId == customer.Id, ct)) return;

        var buyer = new BuyerSnapshot
        {
            FullName = customer.FullName,
            Country = "DE",
            Phone = "+49 30 1234 5678",
            Email = customer.Email!,
            PayerKind = PayerKind.Person,
            PayerName = customer.FullName,
            InstallationAddress = new PostalAddress { Line1 = "Sonnenallee 12", PostalCode = "12045", City = "Berlin", Country = "DE" },
            BillingAddress = new PostalAddress { Line1 = "Sonnenallee 12", PostalCode = "12045", City = "Berlin", Country = "DE" },
        };
        var me = OrderActor.Customer(customer.Id, customer.FullName);
        var team = OrderActor.Admin(admin.Id, admin.FullName);
        var now = clock.GetUtcNow().UtcDateTime;

        await PlaceAsync(customer.Id, buyer, me, now.AddDays(-41), [MicroLine("702000990041"), MicroLine("702000990042")],
            (o, at) => { o.Approve(team, at.AddHours(3)); o.MarkPaid(OrderActor.System, at.AddHours(5), "Card payment", PaymentMethod.Card); o.Complete(OrderActor.System, at.AddHours(5).AddMinutes(1)); }, ct);
        await PlaceAsync(customer.Id, buyer, me, now.AddDays(-20), [StringInverterLine("SI1ES120N09113", "SI-TO15", 15, 299_00)],
            (o, at) => o.Cancel(me, at.AddDays(1), "Ordered the wrong plan"), ct);
        await PlaceAsync(customer.Id, buyer with { PayerKind = PayerKind.Company, PayerName = "Sonnenstrom Berlin GmbH", TaxId = "DE811907980" }, me,
            now.AddDays(-9), [HybridLine("HY3K6ES220009007", 10, discountPercent: 10), HybridLine("HY3K6ES220009008", 10, discountPercent: 10), HybridLine("HY3K6ES220009009", 5, discountPercent: 10)],
            (o, at) => { o.Approve(team, at.AddHours(20)); o.MarkAwaitingTransfer(me, at.AddDays(6)); }, ct, reverseCharge: true);
        await PlaceAsync(customer.Id, buyer, me, now.AddDays(-2), [StringInverterLine("SI1ES120N09310", "SI-TO20", 20, 449_00)],
            (o, at) => o.Approve(team, at.AddHours(4), "Device checked: eligible."), ct);
        await PlaceAsync(customer.Id, buyer, me, now.AddHours(-3), [HybridLine("HY3K6ES220009054", 5), HybridLine("HY3K6ES220009055", 10)], (_, _) => { }, ct,
            remark: "Please send the invoice to our accountant as well.");
    }

    // Models, plan codes, names and EUR list prices as in the demo catalogue; German VAT for a consumer in Germany.
    private static PricedLine MicroLine(string serial) =>
        new(serial, "DS3-H", "DS3-H dual micro inverter", "MI-TO20", "DS3 micro inverter: extend to 20 years", 24_00, 24_00, 1900);

    private static PricedLine StringInverterLine(string serial, string plan, int years, long price) =>
        new(serial, "SI-10K", "SI-10K string inverter", plan, $"String inverter: extend to {years} years", price, price, 1900);

    private static PricedLine HybridLine(string serial, int years, int discountPercent = 0)
    {
        var list = years == 10 ? 699_00L : 399_00L;
        return new(serial, "HY-6K", "HY-6K hybrid inverter", $"HY-ADD{years}", $"Hybrid inverter: add {years} years", list, list * (100 - discountPercent) / 100, 1900);
    }

    private async Task PlaceAsync(string userId, BuyerSnapshot buyer, OrderActor me, DateTime at, PricedLine[] lines,
        Action<Domain.Orders.Order, DateTime> then, CancellationToken ct, bool reverseCharge = false, string? remark = null)
    {
        var priced = reverseCharge ? lines.Select(l => l with { VatRateBasisPoints = 0 }) : lines;
        var order = Domain.Orders.Order.CreateDraft(userId, buyer, "EUR", reverseCharge, priced.Select(OrderDraft.ToLine), remark,
            consentToImmediateStart: buyer.HasWithdrawalRight, me, at.AddMinutes(-2));
        await numbers.EnsureDayAsync(at, ct);
        await using var db = await factory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        order.Submit(await OrderNumberAllocator.NextAsync(db, at, ct), me, at);
        then(order, at);
        db.Orders.Add(order);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
