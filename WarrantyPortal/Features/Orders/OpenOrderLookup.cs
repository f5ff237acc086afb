using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Catalog;

namespace WarrantyPortal.Features.Orders;

/// <summary>
/// Devices already on an order that is still going somewhere (awaiting audit, payment or activation), so the same
/// device cannot be ordered twice meanwhile.
/// </summary>
public sealed class OpenOrderLookup(IDbContextFactory<ApplicationDbContext> factory) : IOpenOrderLookup
{
    public async Task<IReadOnlySet<string>> SerialNumbersInOpenOrdersAsync(IReadOnlyCollection<string> serialNumbers, string? excludingOrderNumber, CancellationToken ct)
    {
        var wanted = serialNumbers.Select(s => s.Trim().ToUpperInvariant()).Distinct().ToList();
        if (wanted.Count == 0) return new HashSet<string>();
        var excluding = OrderNumber.Normalize(excludingOrderNumber);
        await using var db = await factory.CreateDbContextAsync(ct);
        var found = await (
            from l in db.OrderLines
            join o in db.Orders on l.OrderId equals o.Id
            where wanted.Contains(l.SerialNumber)
                  && (o.Status == OrderStatus.Submitted || o.Status == OrderStatus.Approved
                      || o.Status == OrderStatus.AwaitingTransfer || o.Status == OrderStatus.Paid)
                  && (excluding == null || o.Number != excluding)
            select l.SerialNumber).Distinct().ToListAsync(ct);
        return found.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
