using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WarrantyPortal.Data;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Accounts;

/// <summary>Users and localised text for the account service tests.</summary>
internal static class AccountsTestKit
{
    public static IStringLocalizer<AccountText> Text { get; } = new StringLocalizer<AccountText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public static async Task<ApplicationUser> AddUserAsync(TestDatabase database, string email, string culture = "en", bool confirmed = true)
    {
        var user = new ApplicationUser
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = confirmed,
            FullName = "Ana Martin",
            Country = "FR",
            PreferredCulture = culture,
            LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString(),
        };
        await using var db = database.CreateDbContext();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }
}
