using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Audit;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Features.Purchase;
using WarrantyPortal.Features.Registry;

namespace WarrantyPortal.Features.Admin.Orders;

/// <summary>A plan the line's device may have today, priced for this order (net unit price in the order's currency).</summary>
public sealed record PlanChoice(string PlanCode, string Name, DateOnly CoveredUntil, Money ListUnitPrice, Money UnitPrice, int VatRateBasisPoints, bool IsCurrent);

/// <summary>The plans offered for one line, or why none can be.</summary>
public sealed record PlanChoices(string SerialNumber, string CurrentPlanCode, Money CurrentUnitPrice, IReadOnlyList<PlanChoice> Plans, string? Problem);

/// <summary>
/// "Change a plan" on an order that is not closed: offers only the plans the catalogue and the eligibility rule allow for
/// the device, priced from the price list for the order's currency, country, tax status and the buyer's profile and
/// quantity tier, as at submit. The change itself goes through <see cref="OrderAdminService"/> (version check, audit trail).
/// </summary>
public sealed class OrderPlanChangeService(
    IDbContextFactory<ApplicationDbContext> factory,
    EligibilityService eligibility,
    BuyerDirectory buyers,
    OrderAdminService orders)
{
    public async Task<PlanChoices?> ChoicesAsync(Guid orderId, int lineId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        var line = order?.Lines.SingleOrDefault(l => l.Id == lineId);
        if (order is null || line is null) return null;
        var current = new Money(line.UnitPriceMinor, order.Currency);
        if (await RefusalAsync(db, order, ct) is { } refusal) return new PlanChoices(line.SerialNumber, line.PlanCode, current, [], refusal);
        try
        {
            var quote = await eligibility.QuoteAsync(line.SerialNumber, await RequestAsync(order, ct), ct);
            var plans = quote.Offers
                .Select(o => new PlanChoice(o.PlanCode, o.Name, o.NewEnd, o.ListNet, o.UnitNet, PurchaseTerms.BasisPoints(o.Tax.Rate), o.PlanCode == line.PlanCode))
                .ToList();
            return new PlanChoices(line.SerialNumber, line.PlanCode, current, plans,
                plans.Any(p => !p.IsCurrent) ? null : quote.RefusalMessage ?? AdminStrings.Get("ChangePlan_NoOther"));
        }
        catch (RegistryUnavailableException)
        {
            return new PlanChoices(line.SerialNumber, line.PlanCode, current, [], AdminStrings.Get("ChangePlan_Registry"));
        }
    }

    /// <summary>
    /// Prices <paramref name="planCode"/> for the line again on the server (nothing the page showed is trusted) and puts
    /// it on the line, if the order is still the version the admin read.
    /// </summary>
    public async Task<AdminResult> ChangeAsync(OrderRef target, AdminActor actor, int lineId, string planCode, CancellationToken ct = default)
    {
        var choices = await ChoicesAsync(target.Id, lineId, ct);
        if (choices is null) return new AdminResult(AdminOutcome.NotFound, AdminStrings.Get("ChangePlan_NoLine"));
        var plan = choices.Plans.FirstOrDefault(p => string.Equals(p.PlanCode, planCode?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (plan is null)
        {
            // A closed order or a payment under way wins over "not offered": it says what the admin can do.
            if (choices.Plans.Count == 0 && choices.Problem is not null && await IsRefusedAsync(target.Id, ct))
            {
                return new AdminResult(AdminOutcome.NotAllowed, choices.Problem);
            }
            return new AdminResult(AdminOutcome.Invalid, await NotOfferedAsync(target.Id, choices, planCode ?? "", ct));
        }
        if (plan.IsCurrent) return new AdminResult(AdminOutcome.Invalid, AdminStrings.Get("ChangePlan_Same", plan.PlanCode));
        return await orders.ApplyPlanAsync(target, actor, lineId, plan, ct);
    }

    private async Task<bool> IsRefusedAsync(Guid orderId, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId, ct);
        return await RefusalAsync(db, order, ct) is not null;
    }

    /// <summary>Why the order's plans cannot change any more, or null while they can.</summary>
    internal static async Task<string?> RefusalAsync(ApplicationDbContext db, Order order, CancellationToken ct)
    {
        if (!order.CanChangeLines) return AdminStrings.Get("ChangePlan_Closed", order.Number, OrderStatusLook.Label(order.Status));
        // Money on its way was asked for the old total: the plan cannot change under it.
        var reference = order.Id.ToString();
        var paying = await db.PaymentAttempts.AnyAsync(a => a.OrderReference == reference
            && (a.Status == PaymentAttemptStatus.Processing || a.Status == PaymentAttemptStatus.Paid || a.Status == PaymentAttemptStatus.NeedsReview), ct);
        return paying ? AdminStrings.Get("ChangePlan_PaymentUnderway", order.Number) : null;
    }

    private async Task<QuoteRequest> RequestAsync(Order order, CancellationToken ct) =>
        PurchaseTerms.Request(order.Buyer.Country, order.Currency, order.Buyer.TaxId, await buyers.ProfileCodeAsync(order.CustomerUserId, ct), order.Lines.Count)
            with { ExcludingOrderNumber = order.Number };

    private async Task<string> NotOfferedAsync(Guid orderId, PlanChoices choices, string planCode, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == orderId, ct);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Code == planCode).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        string? reason = null;
        if (plan is { } planId)
        {
            try
            {
                reason = (await eligibility.DecideAsync(choices.SerialNumber, planId, await RequestAsync(order, ct), ct)).Message;
            }
            catch (RegistryUnavailableException)
            {
                reason = AdminStrings.Get("ChangePlan_Registry");
            }
        }
        return reason is null
            ? AdminStrings.Get("ChangePlan_NotOfferedNoReason", planCode, choices.SerialNumber)
            : AdminStrings.Get("ChangePlan_NotOffered", planCode, choices.SerialNumber, reason);
    }
}
