using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Features.Accounts;

namespace WarrantyPortal.Features.Orders;

public sealed record Recipient(string Email, string Name, string Culture);

internal static class OrderRecipients
{
    public static Task<List<Recipient>> AdminsAsync(ApplicationDbContext db, CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Admin && u.Email != null
         select new Recipient(u.Email!, u.FullName, u.PreferredCulture)).ToListAsync(ct);

    public static async Task<string> CultureOfAsync(ApplicationDbContext db, string userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.PreferredCulture).SingleOrDefaultAsync(ct) ?? "en";
}
