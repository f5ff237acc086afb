using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Catalog;

namespace WarrantyPortal.Features.Catalog;

/// <summary>Reads the catalogue: plans (with their prices) and buyer profiles, as domain objects.</summary>
public sealed class CatalogQuery(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    /// <summary>Plans on sale (or every plan, retired ones included), ordered by family and code.</summary>
    public async Task<IReadOnlyList<ExtensionPlan>> PlansAsync(bool includeRetired = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plans = await db.Plans.AsNoTracking().Include(p => p.Prices)
            .Where(p => includeRetired || p.RetiredAtUtc == null)
            .OrderBy(p => p.Family).ThenBy(p => p.Code)
            .ToListAsync(ct);
        return plans.Select(p => p.ToDomain()).ToList();
    }

    /// <summary>One plan by id, retired or not (old orders still show theirs).</summary>
    public async Task<ExtensionPlan?> PlanAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().Include(p => p.Prices).FirstOrDefaultAsync(p => p.Id == id, ct);
        return plan?.ToDomain();
    }

    public async Task<IReadOnlyList<CustomerProfile>> ProfilesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.BuyerProfiles.AsNoTracking().Include(p => p.Tiers).OrderBy(p => p.DiscountBasisPoints).ToListAsync(ct);
        return rows.Count == 0 ? CustomerProfile.Defaults : rows.Select(p => p.ToDomain()).ToList();
    }

    /// <summary>The stored terms of a profile; the built-in defaults when the catalogue has none stored.</summary>
    public async Task<CustomerProfile> ProfileAsync(string code, CancellationToken ct = default) =>
        (await ProfilesAsync(ct)).FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown buyer profile '{code}'. Use one of: {string.Join(", ", (await ProfilesAsync(ct)).Select(p => p.Code))}.", nameof(code));
}
