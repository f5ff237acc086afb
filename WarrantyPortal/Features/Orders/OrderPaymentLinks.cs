using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Orders;

public enum PaymentLinkState
{
    /// <summary>The link opens the order's payment page.</summary>
    Open,
    /// <summary>No such link (mistyped, or never issued).</summary>
    Unknown,
    /// <summary>The order can no longer be paid: paid, cancelled, rejected or expired.</summary>
    Closed,
}

/// <summary>What a payment link gives access to: one order, while it can be paid.</summary>
public sealed record PaymentLinkAccess(PaymentLinkState State, Guid OrderId = default, string? OrderNumber = null, OrderStatus? Status = null);

/// <summary>
/// Payment links: 32 random bytes in base64url, of which only a hash is stored. A link shows nothing but its order's
/// payment page, needs no sign-in and stops working when the order can no longer be paid.
/// </summary>
public sealed class OrderPaymentLinks(IDbContextFactory<ApplicationDbContext> dbFactory, IOptions<PortalOptions> portal)
{
    public const string Approval = "approval";
    public const string Lookup = "lookup";

    /// <summary>Adds a new link for the order to <paramref name="db"/> (saved with the caller's changes) and returns its token.</summary>
    public static string Issue(ApplicationDbContext db, Guid orderId, string purpose, DateTime atUtc)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        db.OrderPaymentLinks.Add(new OrderPaymentLink { TokenHash = HashOf(token), OrderId = orderId, Purpose = purpose, CreatedAtUtc = atUtc });
        return token;
    }

    /// <summary>The relative address of the payment page a token opens.</summary>
    public static string PathOf(string token) => $"pay/{token}";

    /// <summary>The absolute address for emails, on Portal:PublicBaseUrl.</summary>
    public string UrlOf(string token) => $"{portal.Value.PublicBaseUrl.TrimEnd('/')}/{PathOf(token)}";

    public async Task<PaymentLinkAccess> ResolveAsync(string? token, CancellationToken ct = default)
    {
        if (!IsWellFormed(token)) return new PaymentLinkAccess(PaymentLinkState.Unknown);
        var hash = HashOf(token!);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.OrderPaymentLinks.AsNoTracking()
            .Where(l => l.TokenHash == hash)
            .Join(db.Orders, l => l.OrderId, o => o.Id, (l, o) => new { o.Id, o.Number, o.Status })
            .SingleOrDefaultAsync(ct);
        if (found is null) return new PaymentLinkAccess(PaymentLinkState.Unknown);
        var state = OrderTransitions.CanPay(found.Status) ? PaymentLinkState.Open : PaymentLinkState.Closed;
        return new PaymentLinkAccess(state, found.Id, found.Number, found.Status);
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>43 base64url characters: anything else is not a token and never reaches the database.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
