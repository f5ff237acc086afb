using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Admin.Dashboard;

public sealed record MonthRevenue(int Year, int Month, string Currency, long TotalMinor, int Orders);

public sealed record Tally(string Key, int Count);

/// <summary>The store's figures over a period: orders submitted in it, revenue from orders paid in it.</summary>
public sealed record DashboardFigures(
    IReadOnlyDictionary<OrderStatus, int> ByStatus,
    IReadOnlyList<MonthRevenue> RevenueByMonth,
    IReadOnlyList<Tally> ByPaymentMethod,
    IReadOnlyList<Tally> TopModels,
    IReadOnlyList<Tally> ByCountry,
    TimeSpan? AverageTimeToApproval,
    int ApprovedCount)
{
    public int OrderCount => ByStatus.Values.Sum();
}

/// <summary>
/// Reads the dashboard in a handful of grouped queries (each aggregate is computed by the database). The payment method
/// is read from the order's path: an order that waited for a transfer was paid by bank transfer, any other paid order online.
/// </summary>
public sealed class DashboardQuery(IDbContextFactory<ApplicationDbContext> factory)
{
    // Keys, not labels: the page shows them in the admin's language (AdminText "Home_Method_…").
    public const string BankTransfer = "BankTransfer";
    public const string Online = "Online";

    private static readonly OrderStatus[] PaidStatuses = [OrderStatus.Paid, OrderStatus.Completed];
    private static readonly OrderStatus[] NotSold = [OrderStatus.Draft, OrderStatus.Rejected, OrderStatus.Cancelled];

    /// <summary>Figures for [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public async Task<DashboardFigures> RunAsync(DateTime fromUtc, DateTime toUtc, int topModels = 8, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var submitted = db.Orders.AsNoTracking().Where(o => o.Status != OrderStatus.Draft && o.SubmittedAtUtc >= fromUtc && o.SubmittedAtUtc < toUtc);
        var paid = db.Orders.AsNoTracking().Where(o => PaidStatuses.Contains(o.Status) && o.PaidAtUtc >= fromUtc && o.PaidAtUtc < toUtc);

        var byStatus = await submitted.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var revenue = await paid.GroupBy(o => new { o.PaidAtUtc!.Value.Year, o.PaidAtUtc!.Value.Month, o.Currency })
            .Select(g => new MonthRevenue(g.Key.Year, g.Key.Month, g.Key.Currency, g.Sum(o => o.TotalMinor), g.Count()))
            .ToListAsync(ct);

        var byTransfer = await paid.GroupBy(o => o.History.Any(h => h.ToStatus == OrderStatus.AwaitingTransfer))
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        var models = await db.OrderLines.AsNoTracking()
            .Where(l => db.Orders.Any(o => o.Id == l.OrderId && !NotSold.Contains(o.Status) && o.SubmittedAtUtc >= fromUtc && o.SubmittedAtUtc < toUtc))
            .GroupBy(l => l.ProductModel).Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(t => t.Count).ThenBy(t => t.Key).Take(topModels).ToListAsync(ct);

        var countries = await submitted.GroupBy(o => o.Buyer.Country).Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(t => t.Count).ThenBy(t => t.Key).ToListAsync(ct);

        // The difference of two times is not portable SQL: read the two columns of the approved orders and average here.
        var audits = await db.OrderStatusChanges.AsNoTracking()
            .Where(h => h.ToStatus == OrderStatus.Approved && h.AtUtc >= fromUtc && h.AtUtc < toUtc)
            .Join(db.Orders, h => h.OrderId, o => o.Id, (h, o) => new { Approved = h.AtUtc, Submitted = o.SubmittedAtUtc })
            .Where(x => x.Submitted != null)
            .ToListAsync(ct);
        TimeSpan? average = audits.Count == 0 ? null : TimeSpan.FromTicks((long)audits.Average(x => (x.Approved - x.Submitted!.Value).Ticks));

        return new DashboardFigures(
            byStatus,
            revenue.OrderBy(r => r.Year).ThenBy(r => r.Month).ThenBy(r => r.Currency).ToList(),
            byTransfer.Select(t => new Tally(t.Key ? BankTransfer : Online, t.Count)).OrderByDescending(t => t.Count).ToList(),
            models.Select(m => new Tally(m.Key, m.Count)).ToList(),
            countries.Select(c => new Tally(c.Key, c.Count)).ToList(),
            average,
            audits.Count);
    }
}
