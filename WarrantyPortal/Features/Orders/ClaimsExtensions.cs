using System.Security.Claims;

namespace WarrantyPortal.Features.Orders;

internal static class ClaimsExtensions
{
    /// <summary>The signed-in user's id; pages that call it carry [Authorize].</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
}
