using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Accounts;

/// <summary>
/// Absolute links put in account emails. They use Portal:PublicBaseUrl, the address customers reach the portal at,
/// and fall back to the address of the current request when it is not set.
/// </summary>
public sealed class AccountLinks(IOptions<PortalOptions> portal)
{
    public string ConfirmEmail(string requestBase, string userId, string token, string? returnUrl) =>
        Build(requestBase, "Account/ConfirmEmail", new() { ["userId"] = userId, ["code"] = Encode(token), ["returnUrl"] = LocalOrNull(returnUrl) });

    public string ConfirmEmailChange(string requestBase, string userId, string newEmail, string token) =>
        Build(requestBase, "Account/ConfirmEmailChange", new() { ["userId"] = userId, ["email"] = newEmail, ["code"] = Encode(token) });

    public string ResetPassword(string requestBase, string token) =>
        Build(requestBase, "Account/ResetPassword", new() { ["code"] = Encode(token) });

    /// <summary>
    /// The path itself when it is a local path ("/account?tab=2"), otherwise null: no open redirects. Browsers drop tabs and
    /// line breaks from addresses, so "/\t/evil.example" would become "//evil.example": control characters are refused too.
    /// </summary>
    public static string? LocalOrNull(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Any(char.IsControl) ? returnUrl : null;

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code)) return null;
        try { return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code)); }
        catch (FormatException) { return null; }
    }

    private string Build(string requestBase, string path, Dictionary<string, string?> query)
    {
        var configured = portal.Value.PublicBaseUrl;
        var root = (string.IsNullOrWhiteSpace(configured) ? requestBase : configured).TrimEnd('/') + "/";
        return QueryHelpers.AddQueryString(root + path, query.Where(q => q.Value is not null));
    }
}
