using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Features.Admin.Dashboard;

/// <summary>
/// Half a year of orders from installers in several countries, so the audit grid and the dashboard have something to
/// show in a demo. Deterministic; runs once (skipped when the demo reseller already has orders).
/// </summary>
public sealed class BackOfficeDemoSeeder(IDbContextFactory<ApplicationDbContext> factory, OrderNumberAllocator numbers, TimeProvider clock) : IDemoSeeder
{
    private const string ResellerEmail = "reseller@demo.warrantyportal.test";

    private static readonly (string Country, string Currency, int VatBp, string City, string Name, string? Company)[] Buyers =
    [
        ("FR", "EUR", 2000, "Lyon", "Julien Morel", "Soleil Rhône SARL"),
        ("FR", "EUR", 2000, "Toulouse", "Camille Roux", null),
        ("DE", "EUR", 1900, "Freiburg", "Jonas Becker", "Sonnendach GmbH"),
        ("ES", "EUR", 2100, "Valencia", "Lucía Navarro", "Placas Levante SL"),
        ("IT", "EUR", 2200, "Bari", "Marco Greco", null),
        ("NL", "EUR", 2100, "Utrecht", "Sanne de Vries", "Zonnekracht BV"),
        ("GB", "GBP", 2000, "Bristol", "Oliver Hughes", "Westcountry Solar Ltd"),
        ("CH", "CHF", 810, "Bern", "Lea Meier", null),
        ("US", "USD", 0, "Phoenix", "Emily Carter", "Desert Sun Installers"),
        ("AU", "AUD", 1000, "Perth", "Jack Wilson", "Sunset Coast Solar"),
    ];

    public int Order => 60;

    public async Task SeedAsync(CancellationToken ct)
    {
        await using (var check = await factory.CreateDbContextAsync(ct))
        {
            var reseller = await check.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == ResellerEmail, ct);
            if (reseller is null || await check.Orders.AnyAsync(o => o.CustomerUserId == reseller.Id, ct)) return;
            var plans = await check.Plans.AsNoTracking().Include(p => p.Prices).Where(p => p.RetiredAtUtc == null).ToListAsync(ct);
            // The fixed demo devices (README's demo serials, the demo customer's own) keep the case they show.
            var fixedSerials = Registry.DemoFleet.Fixed(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Select(d => d.SerialNumber.Value).ToHashSet();
            var devices = (await check.Devices.AsNoTracking().OrderBy(d => d.Id).Take(600 + fixedSerials.Count).ToListAsync(ct))
                .Where(d => !fixedSerials.Contains(d.SerialNumber) && plans.Any(p => Fits(p, d))).ToList();
            if (devices.Count < 50) return;
            await SeedOrdersAsync(reseller.Id, devices, plans, ct);
        }
    }

    private static bool Fits(Catalog.Plan p, Registry.Device d) =>
        p.Family == d.Family && (string.IsNullOrEmpty(p.Models) || Catalog.Plan.SplitList(p.Models).Contains(d.Model, StringComparer.OrdinalIgnoreCase));

    private async Task SeedOrdersAsync(string userId, List<Registry.Device> devices, List<Catalog.Plan> plans, CancellationToken ct)
    {
        var random = new Random(2026);
        var now = clock.GetUtcNow().UtcDateTime;
        var admin = OrderActor.Admin("demo-admin", "Demo Admin");
        var next = 0;
        for (var i = 0; i < 64 && next < devices.Count - 6; i++)
        {
            var b = Buyers[random.Next(Buyers.Length)];
            var at = now.AddDays(-random.Next(0, 180)).AddMinutes(-random.Next(0, 600));
            var lines = Enumerable.Range(0, 1 + random.Next(0, b.Company is null ? 2 : 6)).Select(_ => devices[next++]).Select(d =>
            {
                var options = plans.Where(p => Fits(p, d) && p.Prices.Any(x => x.Currency == b.Currency)).ToList();
                if (options.Count == 0) return null;
                var plan = options[random.Next(options.Count)];
                var list = plan.Prices.First(x => x.Currency == b.Currency).NetMinor;
                var unit = b.Company is null ? list : list * 85 / 100;
                return new OrderLine(d.SerialNumber, d.Model, d.Model, plan.Code, plan.NameEn, list, unit, b.VatBp);
            }).OfType<OrderLine>().ToList();
            if (lines.Count == 0) continue;
            var buyer = new BuyerSnapshot
            {
                FullName = b.Name, Country = b.Country, Phone = "+00 000 0000", Email = $"{b.Name.Split(' ')[0].ToLowerInvariant()}@example.test",
                PayerKind = b.Company is null ? PayerKind.Person : PayerKind.Company, PayerName = b.Company ?? b.Name,
                TaxId = b.Company is null ? null : $"{b.Country}{random.Next(100000000, 999999999)}",
                InstallationAddress = new PostalAddress { Line1 = $"{random.Next(1, 99)} Solar Street", PostalCode = "10000", City = b.City, Country = b.Country },
            };
            var me = OrderActor.Customer(userId, b.Name);
            var order = Domain.Orders.Order.CreateDraft(userId, buyer, b.Currency, false, lines, null, true, me, at.AddMinutes(-3));
            await numbers.EnsureDayAsync(at, ct);
            await using var db = await factory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            order.Submit(await OrderNumberAllocator.NextAsync(db, at, ct), me, at);
            Advance(order, at, now, random, admin, me);
            db.Orders.Add(order);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
    }

    /// <summary>Older orders have gone further: most are paid, some rejected, a few still wait.</summary>
    private static void Advance(Domain.Orders.Order o, DateTime at, DateTime now, Random random, OrderActor admin, OrderActor me)
    {
        var age = (now - at).TotalDays;
        var roll = random.Next(100);
        if (age < 3 && roll < 70) return;
        var audited = at.AddHours(2 + random.Next(0, 40));
        if (audited > now) return;
        if (roll < 10) { o.Reject(admin, audited, "The device is not registered in the buyer's country."); return; }
        if (roll < 16) { o.Cancel(me, audited, "Ordered twice."); return; }
        o.Approve(admin, audited);
        var paid = audited.AddHours(1 + random.Next(0, 72));
        if (paid > now || roll < 24) return;
        if (roll < 45) o.MarkAwaitingTransfer(me, audited.AddMinutes(20));
        if (roll < 30 && age < 20) return;
        o.MarkPaid(OrderActor.System, paid, roll < 45 ? "Bank transfer" : roll < 55 ? "Alipay payment" : "Card payment",
            roll < 45 ? PaymentMethod.WireTransfer : roll < 55 ? PaymentMethod.Alipay : PaymentMethod.Card);
        if (paid.AddMinutes(1) < now && roll > 50) o.Complete(OrderActor.System, paid.AddMinutes(1));
    }
}
