using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Reminders;

/// <summary>
/// The signed unsubscribe link carried by every reminder: the account id protected by ASP.NET Core Data Protection, so it
/// works without signing in and cannot be forged or altered to unsubscribe someone else.
/// </summary>
public sealed class ReminderLinks(IDataProtectionProvider protection, IOptions<PortalOptions> portal)
{
    public const string UnsubscribePath = "/reminders/unsubscribe";

    private readonly IDataProtector _protector = protection.CreateProtector("WarrantyPortal.Reminders.Unsubscribe.v1");

    public string Token(string userId) => _protector.Protect(userId);

    public string UnsubscribeUrl(string userId) =>
        $"{portal.Value.PublicBaseUrl.TrimEnd('/')}{UnsubscribePath}?t={Uri.EscapeDataString(Token(userId))}";

    /// <summary>The account a token was made for, or null when it was altered, cut or made elsewhere.</summary>
    public string? UserIdFrom(string? token)
    {
        if (string.IsNullOrWhiteSpace(token)) return null;
        try
        {
            return _protector.Unprotect(token.Trim());
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
