using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Infrastructure.RateLimiting;

namespace WarrantyPortal.Features.Orders;

public enum LookupOutcome
{
    Found,
    /// <summary>No order with this number and postal code: the same answer whichever of the two is wrong.</summary>
    NotFound,
    /// <summary>Too many attempts from this address or for this order number; see <see cref="LookupResult.RetryAtUtc"/>.</summary>
    TooManyAttempts,
}

/// <summary>What a guest sees of an order found by number and postal code: nothing about the buyer.</summary>
public sealed record GuestOrderSummary(string Number, OrderStatus Status, DateTime? SubmittedAtUtc, Money Total,
    IReadOnlyList<OrderLineView> Lines, OrderTotals Totals, string? PayPath);

public sealed record LookupResult(LookupOutcome Outcome, GuestOrderSummary? Order = null, DateTimeOffset? RetryAtUtc = null, int RetryAfterMinutes = 0);

/// <summary>
/// The guest order lookup: an order number plus the postal code of its billing or installation address shows the
/// order and, when it can be paid, a fresh payment link. Attempts are limited per client address and per order number,
/// counted in the database so the limits hold across instances.
/// </summary>
public sealed partial class GuestOrderLookup(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    DbRateLimiter limiter,
    IOptions<RateLimitOptions> limits,
    TimeProvider clock)
{
    public const string PerAddressRule = "order-lookup-address";
    public const string PerOrderRule = "order-lookup-order";

    /// <summary>Upper case, without spaces or dashes: "we 2026 0615 0001" is WE202606150001, "sw1a 1aa" is SW1A1AA.</summary>
    public static string Normalize(string? text) => Separators().Replace(text ?? "", "").ToUpperInvariant();

    public async Task<LookupResult> FindAsync(string orderNumber, string postalCode, string clientAddress, CancellationToken ct = default)
    {
        var number = Normalize(orderNumber);
        var postal = Normalize(postalCode);
        // Both limits are taken on every attempt, before anything is looked up: a wrong number and a wrong postal code cost the same.
        var byAddress = await limiter.TryAcquireAsync(PerAddressRule, clientAddress, limits.Value.OrderLookupPerAddress, ct: ct);
        if (!byAddress.Allowed) return Refused(byAddress);
        var byOrder = await limiter.TryAcquireAsync(PerOrderRule, number, limits.Value.OrderLookupPerOrder, ct: ct);
        if (!byOrder.Allowed) return Refused(byOrder);

        if (OrderNumber.Normalize(number) is not { } valid || postal.Length == 0) return new LookupResult(LookupOutcome.NotFound);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsSplitQuery().Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Number == valid && o.Status != OrderStatus.Draft, ct);
        if (order is null
            || (Normalize(order.Buyer.BillingAddress.PostalCode) != postal && Normalize(order.Buyer.InstallationAddress.PostalCode) != postal))
        {
            return new LookupResult(LookupOutcome.NotFound);
        }

        string? payPath = null;
        if (order.CanPay)
        {
            payPath = OrderPaymentLinks.PathOf(OrderPaymentLinks.Issue(db, order.Id, OrderPaymentLinks.Lookup, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
        }
        return new LookupResult(LookupOutcome.Found, new GuestOrderSummary(order.Number!, order.Status, order.SubmittedAtUtc,
            new Money(order.TotalMinor, order.Currency), order.Lines.Select(l => OrderLineView.From(l, order.Currency)).ToList(), order.Totals, payPath));
    }

    private static LookupResult Refused(RateLimitDecision d) => new(LookupOutcome.TooManyAttempts, RetryAtUtc: d.RetryAtUtc, RetryAfterMinutes: d.RetryAfterMinutes);

    [GeneratedRegex(@"[\s\-]+")]
    private static partial Regex Separators();
}
