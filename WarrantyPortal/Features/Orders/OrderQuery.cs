using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Orders;

/// <summary>A customer's own orders: "My orders" and one order's details. Another customer's order is simply not found.</summary>
public sealed class OrderQuery(IDbContextFactory<ApplicationDbContext> factory)
{
    public async Task<OrderListPage> ListAsync(string userId, OrderListFilter filter, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var mine = db.Orders.AsNoTracking().Where(o => o.CustomerUserId == userId && o.Status != OrderStatus.Draft);
        var term = filter.Search?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(term))
        {
            // Order numbers and serial numbers are stored upper-case, so a plain Contains matches on every provider.
            mine = mine.Where(o => o.Number!.Contains(term) || o.Lines.Any(l => l.SerialNumber.Contains(term)));
        }

        var counts = await mine.GroupBy(o => o.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        var filtered = filter.Status is { } status ? mine.Where(o => o.Status == status) : mine;
        var total = await filtered.CountAsync(ct);
        var pageSize = Math.Clamp(filter.PageSize, 1, 100);
        var page = Math.Max(1, filter.Page);
        var rows = await filtered
            .OrderByDescending(o => o.CreatedAtUtc)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(o => new
            {
                o.Id, o.Number, o.Status, o.CreatedAtUtc, o.SubmittedAtUtc, o.TotalMinor, o.Currency,
                LineCount = o.Lines.Count,
                Serials = o.Lines.OrderBy(l => l.Id).Select(l => l.SerialNumber).Take(3).ToList(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new OrderSummary(r.Id, r.Number!, r.Status, r.CreatedAtUtc, r.SubmittedAtUtc,
            new Money(r.TotalMinor, r.Currency), r.LineCount, r.Serials)).ToList();
        return new OrderListPage(items, total, counts.ToDictionary(c => c.Status, c => c.Count));
    }

    /// <summary>The order with this number if it belongs to <paramref name="userId"/>; null otherwise.</summary>
    public async Task<OrderDetails?> GetAsync(string userId, string number, CancellationToken ct = default)
    {
        var normalized = OrderNumber.Normalize(number);
        if (normalized is null) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().AsSplitQuery()
            .Include(o => o.Lines).Include(o => o.History)
            .SingleOrDefaultAsync(o => o.Number == normalized && o.CustomerUserId == userId, ct);
        return order is null ? null : OrderDetails.From(order);
    }
}
