using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;

namespace WarrantyPortal.Features.Accounts;

/// <summary>
/// A user's billing and installation addresses. Each kind has exactly one default as soon as it has an address:
/// the first one added, or the one the user chose.
/// </summary>
public sealed class AddressBook(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The user's addresses (of one kind, when given), defaults first.</summary>
    public async Task<IReadOnlyList<ContactAddress>> ListAsync(string userId, AddressKind? kind = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.ContactAddresses.AsNoTracking().Where(a => a.UserId == userId);
        if (kind is { } k) query = query.Where(a => a.Kind == k);
        return await query.OrderBy(a => a.Kind).ThenByDescending(a => a.IsDefault).ThenBy(a => a.Label).ThenBy(a => a.Id).ToListAsync(ct);
    }

    public async Task<ContactAddress?> GetAsync(string userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ContactAddresses.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Id == id, ct);
    }

    public async Task<ContactAddress?> GetDefaultAsync(string userId, AddressKind kind, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ContactAddresses.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId && a.Kind == kind && a.IsDefault, ct);
    }

    /// <summary>Adds the address, or updates it when the form has an id of this user's; returns it as saved.</summary>
    public async Task<ContactAddress> SaveAsync(string userId, AddressForm form, CancellationToken ct = default)
    {
        var missing = form.MissingFields();
        if (missing.Count > 0) throw new ArgumentException($"Missing or invalid: {string.Join(", ", missing)}.", nameof(form));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = await db.ContactAddresses.Where(a => a.UserId == userId).ToListAsync(ct);
        ContactAddress address;
        if (form.Id is { } id)
        {
            address = all.FirstOrDefault(a => a.Id == id) ?? throw new KeyNotFoundException($"Address {id} is not in this address book.");
        }
        else
        {
            address = new ContactAddress { UserId = userId, CreatedAtUtc = now };
            db.ContactAddresses.Add(address);
            all.Add(address);
        }
        var oldKind = address.Kind;
        Copy(form, address);
        address.UpdatedAtUtc = now;
        if (form.IsDefault || form.Id is null && !all.Any(a => a != address && a.Kind == address.Kind)) address.IsDefault = true;
        else if (oldKind != address.Kind) address.IsDefault = false;
        KeepOneDefault(all, address.Kind, address.IsDefault ? address : null);
        if (oldKind != address.Kind) KeepOneDefault(all, oldKind, null);
        await db.SaveChangesAsync(ct);
        return address;
    }

    public async Task<bool> SetDefaultAsync(string userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = await db.ContactAddresses.Where(a => a.UserId == userId).ToListAsync(ct);
        var chosen = all.FirstOrDefault(a => a.Id == id);
        if (chosen is null) return false;
        KeepOneDefault(all, chosen.Kind, chosen);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Deletes the address; when it was the default, the oldest remaining one of its kind takes over.</summary>
    public async Task<bool> DeleteAsync(string userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var all = await db.ContactAddresses.Where(a => a.UserId == userId).ToListAsync(ct);
        var doomed = all.FirstOrDefault(a => a.Id == id);
        if (doomed is null) return false;
        db.ContactAddresses.Remove(doomed);
        all.Remove(doomed);
        KeepOneDefault(all, doomed.Kind, null);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void KeepOneDefault(List<ContactAddress> all, AddressKind kind, ContactAddress? preferred)
    {
        var ofKind = all.Where(a => a.Kind == kind).ToList();
        if (ofKind.Count == 0) return;
        var chosen = preferred ?? ofKind.FirstOrDefault(a => a.IsDefault) ?? ofKind.OrderBy(a => a.CreatedAtUtc).ThenBy(a => a.Id).First();
        foreach (var a in ofKind) a.IsDefault = a == chosen;
    }

    private static void Copy(AddressForm f, ContactAddress a)
    {
        a.Kind = f.Kind;
        a.Label = FreeText.Line(f.Label);
        a.Recipient = FreeText.Line(f.Recipient);
        a.Line1 = FreeText.Line(f.Line1);
        a.Line2 = FreeText.LineOrNull(f.Line2);
        a.PostalCode = FreeText.Line(f.PostalCode);
        a.City = FreeText.Line(f.City);
        a.Region = FreeText.LineOrNull(f.Region);
        a.Country = f.Country.ToUpperInvariant();
        a.Phone = FreeText.LineOrNull(f.Phone);
    }
}
