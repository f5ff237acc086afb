using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Accounts;

/// <summary>Reads and updates a user's personal information.</summary>
public sealed class AccountService(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public async Task<AccountProfile?> GetProfileAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new AccountProfile(u.Id, u.Email ?? "", u.FullName, u.Country, u.PhoneNumber, u.Company, u.TaxId, u.PreferredCulture))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Saves the form; returns false when the user no longer exists.</summary>
    public async Task<bool> UpdateProfileAsync(string userId, ProfileForm form, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(form.FullName)) throw new ArgumentException("A full name is required.", nameof(form));
        if (!CountryList.IsKnown(form.Country)) throw new ArgumentException($"Unknown country code '{form.Country}'.", nameof(form));
        if (!FreeText.Fits(form.FullName, 200) || !FreeText.Fits(form.Company, 200) || !FreeText.Fits(form.Phone, 40) || !FreeText.Fits(form.TaxId, 40))
        {
            throw new ArgumentException("A field is longer than the form allows.", nameof(form));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return false;
        user.FullName = FreeText.Line(form.FullName);
        user.Country = form.Country.ToUpperInvariant();
        user.PhoneNumber = OrNull(form.Phone);
        user.Company = OrNull(form.Company);
        user.TaxId = OrNull(form.TaxId);
        user.PreferredCulture = PortalCultures.Supported.Contains(form.PreferredCulture) ? form.PreferredCulture : user.PreferredCulture;
        await db.SaveChangesAsync(ct);
        return true;
    }

    internal static string? OrNull(string? s) => FreeText.LineOrNull(s);
}
