using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Catalog;

namespace WarrantyPortal.Features.Purchase;

/// <summary>What the account says about a buyer: contact details to prefill the form with.</summary>
public sealed record BuyerAccount(string FullName, string Email, string Phone, string Country, string? Company, string? TaxId);

/// <summary>Reads a buyer's account: their contact details and the buyer profile (discount terms) their role gives them.</summary>
public sealed class BuyerDirectory(IDbContextFactory<ApplicationDbContext> factory)
{
    // The best terms win when an account holds several roles.
    private static readonly string[] ProfilesByRank = [CustomerProfile.DistributorCode, CustomerProfile.ResellerCode];

    public async Task<string> ProfileCodeAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name).ToListAsync(ct);
        return ProfilesByRank.FirstOrDefault(p => roles.Contains(p, StringComparer.OrdinalIgnoreCase)) ?? CustomerProfile.CustomerCode;
    }

    public async Task<BuyerAccount?> AccountAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new BuyerAccount(u.FullName, u.Email ?? "", u.PhoneNumber ?? "", u.Country, u.Company, u.TaxId))
            .SingleOrDefaultAsync(ct);
    }
}
