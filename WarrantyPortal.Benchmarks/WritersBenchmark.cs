using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Admin.Audit;
using WarrantyPortal.Features.Admin.Orders;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Registry;

namespace WarrantyPortal.Benchmarks;

/// <summary>
/// SQLite under concurrent writers: customers submitting orders (quote, then submit, as the purchase page does) and admins
/// approving them, all at once for a fixed time, on the running portal (its workers also write: emails, fulfilment).
/// Counts every "database is locked" that reaches a customer or an admin.
/// </summary>
internal static class WritersBenchmark
{
    public static async Task RunAsync(int customers, int admins, int seconds)
    {
        await using var host = await LoadHost.StartAsync("writers");
        var services = host.App.Services;
        var factory = services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>();
        var serials = await AddDevicesAsync(factory, 40_000);
        var customerIds = await AddCustomersAsync(factory, customers);
        string adminId, adminName;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var admin = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "admin@demo.warrantyportal.test");
            (adminId, adminName) = (admin.Id, admin.FullName);
        }

        var next = -1;
        long submitted = 0, approved = 0, refusedBusy = 0, conflicts = 0, locked = 0;
        var submitLatency = new ConcurrentBag<double>();
        var approveLatency = new ConcurrentBag<double>();
        var otherErrors = new ConcurrentBag<string>();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var watch = Stopwatch.StartNew();

        async Task CustomerAsync(string userId)
        {
            var buyer = new BuyerSnapshot
            {
                FullName = "Load Customer", Country = "FR", Email = $"{userId}@load.test", PayerKind = PayerKind.Person, PayerName = "Load Customer",
                InstallationAddress = new PostalAddress { Line1 = "1 rue du Test", PostalCode = "69001", City = "Lyon", Country = "FR" },
            };
            while (DateTime.UtcNow < deadline)
            {
                var items = Enumerable.Range(0, 3).Select(_ => new OrderPricingItem(serials[Interlocked.Increment(ref next) % serials.Count], "MI-TO20")).ToList();
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await using var scope = services.CreateAsyncScope();
                    var pricing = await scope.ServiceProvider.GetRequiredService<IOrderPricer>().PriceAsync(new OrderPricingRequest("FR", "EUR", null, items, userId), default);
                    if (pricing.Lines.Count == 0) continue;
                    var result = await scope.ServiceProvider.GetRequiredService<OrderSubmissionService>()
                        .SubmitAsync(userId, new OrderDraft(buyer, "EUR", pricing.Lines, pricing.ReverseCharge, null, ConsentToImmediateStart: true));
                    if (result.Outcome == SubmitOutcome.Submitted) Interlocked.Increment(ref submitted);
                    else if (result.Errors.Any(e => e.Contains("busy", StringComparison.OrdinalIgnoreCase))) Interlocked.Increment(ref refusedBusy);
                    submitLatency.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                catch (Exception ex)
                {
                    Count(ex);
                }
            }
        }

        async Task AdminAsync(int index)
        {
            var service = services.GetRequiredService<OrderAdminService>();
            var actor = new AdminActor(adminId, adminName);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    OrderRef? order;
                    await using (var db = await factory.CreateDbContextAsync())
                    {
                        order = await db.Orders.AsNoTracking().Where(o => o.Status == OrderStatus.Submitted)
                            .OrderBy(o => o.Number).Skip(index).Select(o => new OrderRef(o.Id, o.Version)).FirstOrDefaultAsync();
                    }
                    if (order is null)
                    {
                        await Task.Delay(20);
                        continue;
                    }
                    var start = Stopwatch.GetTimestamp();
                    var result = await service.ApproveAsync(order, actor);
                    approveLatency.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    if (result.Ok) Interlocked.Increment(ref approved);
                    else Interlocked.Increment(ref conflicts);
                }
                catch (Exception ex)
                {
                    Count(ex);
                }
            }
        }

        void Count(Exception ex)
        {
            if (IsLocked(ex)) Interlocked.Increment(ref locked);
            else otherErrors.Add(ex.GetType().Name + ": " + ex.Message);
        }

        // Each on a thread-pool thread of its own, as concurrent requests and circuits are.
        var work = customerIds.Select(id => Task.Run(() => CustomerAsync(id)))
            .Concat(Enumerable.Range(0, admins).Select(i => Task.Run(() => AdminAsync(i))));
        await Task.WhenAll(work);
        watch.Stop();

        Console.WriteLine($"{customers} customers submitting 3-device orders and {admins} admins approving, {watch.Elapsed.TotalSeconds:F0} s, on SQLite (WAL)");
        Console.WriteLine($"orders submitted {submitted:N0} ({submitted / watch.Elapsed.TotalSeconds:F1}/s), approved {approved:N0}; approvals that lost a race to another admin: {conflicts:N0}");
        Console.WriteLine($"submit (quote + submit) p50 {P(submitLatency, 0.5):F0} ms, p95 {P(submitLatency, 0.95):F0} ms; approve p50 {P(approveLatency, 0.5):F0} ms, p95 {P(approveLatency, 0.95):F0} ms");
        Console.WriteLine($"\"database is locked\" reaching a customer or admin: {locked + refusedBusy} (exceptions {locked}, 'busy, submit again' messages {refusedBusy})");
        Console.WriteLine($"other errors: {otherErrors.Count}");
        foreach (var g in otherErrors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(5)) Console.WriteLine($"  {g.Count()} x {g.Key}");
    }

    private static double P(ConcurrentBag<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * q))];
    }

    private static bool IsLocked(Exception ex) =>
        ex is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } || (ex.InnerException is { } inner && IsLocked(inner));

    private static async Task<List<string>> AddDevicesAsync(IDbContextFactory<ApplicationDbContext> factory, int count)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.AddDays(-30);
        var serials = Enumerable.Range(0, count).Select(i => "7031" + i.ToString("00000000", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var chunk in serials.Chunk(5_000))
        {
            await using var db = await factory.CreateDbContextAsync();
            db.Devices.AddRange(chunk.Select(s => new Device
            {
                SerialNumber = s, Model = "DS3-H", Family = ProductFamily.MicroInverter, RatedPowerW = 880, ProductionDate = start.AddDays(-30),
                CommissioningDate = start, BaseWarrantyStart = start, BaseWarrantyEnd = WarrantyYears.EndOfTerm(start, 12), CountryCode = "FR",
                UpdatedAtUtc = DateTime.UtcNow,
            }));
            await db.SaveChangesAsync();
        }
        return serials;
    }

    private static async Task<List<string>> AddCustomersAsync(IDbContextFactory<ApplicationDbContext> factory, int count)
    {
        await using var db = await factory.CreateDbContextAsync();
        var ids = Enumerable.Range(1, count).Select(i => $"load-customer-{i:00}").ToList();
        db.Users.AddRange(ids.Select(id => new ApplicationUser
        {
            Id = id, UserName = $"{id}@load.test", NormalizedUserName = $"{id}@LOAD.TEST", Email = $"{id}@load.test", NormalizedEmail = $"{id}@LOAD.TEST",
            FullName = "Load Customer", PreferredCulture = "en", EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString(),
        }));
        await db.SaveChangesAsync();
        return ids;
    }
}
