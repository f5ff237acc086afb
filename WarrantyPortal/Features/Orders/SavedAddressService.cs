using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;

namespace WarrantyPortal.Features.Orders;

public sealed record SavedAddressForm(int? Id, string Label, string Line1, string? Line2, string PostalCode, string City, string Country);

/// <summary>A user's reusable billing and installation addresses. Each call only ever sees the caller's own.</summary>
public sealed class SavedAddressService(IDbContextFactory<ApplicationDbContext> factory, TimeProvider clock)
{
    public async Task<IReadOnlyList<SavedAddress>> ListAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.SavedAddresses.AsNoTracking().Where(a => a.OwnerUserId == userId).OrderBy(a => a.Label).ToListAsync(ct);
    }

    /// <summary>Adds the address, or updates the caller's own one with that id. Null when the id is not theirs.</summary>
    public async Task<SavedAddress?> SaveAsync(string userId, SavedAddressForm form, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(form.Label);
        ArgumentException.ThrowIfNullOrWhiteSpace(form.Line1);
        ArgumentException.ThrowIfNullOrWhiteSpace(form.City);
        ArgumentException.ThrowIfNullOrWhiteSpace(form.Country);
        await using var db = await factory.CreateDbContextAsync(ct);
        SavedAddress? address;
        if (form.Id is { } id)
        {
            address = await db.SavedAddresses.SingleOrDefaultAsync(a => a.Id == id && a.OwnerUserId == userId, ct);
            if (address is null) return null;
        }
        else
        {
            address = new SavedAddress { OwnerUserId = userId };
            db.SavedAddresses.Add(address);
        }
        address.Label = form.Label.Trim();
        address.Line1 = form.Line1.Trim();
        address.Line2 = string.IsNullOrWhiteSpace(form.Line2) ? null : form.Line2.Trim();
        address.PostalCode = form.PostalCode.Trim();
        address.City = form.City.Trim();
        address.Country = form.Country.Trim().ToUpperInvariant();
        address.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return address;
    }

    public async Task<bool> DeleteAsync(string userId, int id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await db.SavedAddresses.Where(a => a.Id == id && a.OwnerUserId == userId).ExecuteDeleteAsync(ct) == 1;
    }
}
