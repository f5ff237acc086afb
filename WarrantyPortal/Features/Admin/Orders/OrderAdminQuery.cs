using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Admin.Audit;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Registry;

namespace WarrantyPortal.Features.Admin.Orders;

/// <summary>A line as the admin sees it: what was sold, the registry's record today, and whether it may still be sold.</summary>
public sealed record AdminOrderLine(int Id, OrderLineView Line, string PlanCode, DeviceRecord? Device, bool? StillEligible, string? IneligibleBecause);

public sealed record AuditEntryView(DateTime AtUtc, string ActorName, string Action, string? Before, string? After);

public sealed record AdminOrderDetails(
    OrderDetails Order,
    Guid Version,
    string CustomerUserId,
    IReadOnlyList<AdminOrderLine> Lines,
    IReadOnlyList<OrderRemark> Remarks,
    IReadOnlyList<WireTransfer> Transfers,
    IReadOnlyList<AuditEntryView> Audit,
    IReadOnlyList<OutboxRow> Emails,
    string? RegistryProblem)
{
    public OrderRef Ref => new(Order.Id, Version);
    public bool AwaitsAudit => Order.Status == OrderStatus.Submitted;

    /// <summary>A line's plan may still be changed: the order is neither paid nor closed.</summary>
    public bool CanChangePlans => Order.Status is OrderStatus.Submitted or OrderStatus.Approved or OrderStatus.AwaitingTransfer;
    public int IneligibleCount => Lines.Count(l => l.StillEligible == false);
}

/// <summary>One order with everything the back office shows about it, checked again against the registry and the catalogue.</summary>
public sealed class OrderAdminQuery(IDbContextFactory<ApplicationDbContext> factory, IDeviceRegistry registry, EligibilityService eligibility,
    CatalogQuery catalog)
{
    public async Task<AdminOrderDetails?> GetAsync(string number, CancellationToken ct = default)
    {
        var normalized = OrderNumber.Normalize(number);
        if (normalized is null) return null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.Lines).Include(o => o.History)
            .SingleOrDefaultAsync(o => o.Number == normalized, ct);
        if (order is null) return null;

        var remarks = await db.OrderRemarks.AsNoTracking().Where(r => r.OrderId == order.Id).OrderByDescending(r => r.AtUtc).ToListAsync(ct);
        var transfers = await db.WireTransfers.AsNoTracking().Where(w => w.OrderId == order.Id).OrderBy(w => w.RecordedAtUtc).ToListAsync(ct);
        var audit = await db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectKind == AuditTrail.OrderKind && a.SubjectKey == normalized)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Select(a => new AuditEntryView(a.AtUtc, a.ActorName, a.Action, a.Before, a.After)).ToListAsync(ct);
        var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.Reference == normalized).OrderBy(m => m.Id)
            .Select(m => new OutboxRow(m.Id, m.Kind, m.ToAddress, m.Subject, m.Reference, m.Status, m.Attempts, m.LastError, m.CreatedAtUtc, m.SentAtUtc))
            .ToListAsync(ct);
        var profile = await db.UserProfileAssignments.Where(p => p.UserId == order.CustomerUserId).Select(p => p.ProfileCode).SingleOrDefaultAsync(ct);

        var (lines, problem) = await CheckLinesAsync(order, profile ?? CustomerProfile.CustomerCode, ct);
        return new AdminOrderDetails(OrderDetails.From(order), order.Version, order.CustomerUserId, lines, remarks, transfers, audit, emails, problem);
    }

    private async Task<(IReadOnlyList<AdminOrderLine>, string?)> CheckLinesAsync(Order order, string profile, CancellationToken ct)
    {
        var ordered = order.Lines.OrderBy(l => l.Id).ToList();
        var open = !OrderTransitions.IsFinal(order.Status) && order.Status != OrderStatus.Paid;
        try
        {
            var serials = ordered.Select(l => SerialNumber.TryParse(l.SerialNumber, out var sn) ? sn : (SerialNumber?)null).OfType<SerialNumber>().ToList();
            var devices = await registry.FindManyAsync(serials, ct);
            var plans = await catalog.PlansAsync(includeRetired: true, ct);
            var request = new QuoteRequest(order.Buyer.Country, order.Currency,
                ProfileCode: profile,
                Buyer: order.Buyer.IsConsumer ? BuyerKind.Consumer : BuyerKind.Business,
                Quantity: ordered.Count,
                ExcludingOrderNumber: order.Number);
            var result = new List<AdminOrderLine>(ordered.Count);
            foreach (var l in ordered)
            {
                var device = SerialNumber.TryParse(l.SerialNumber, out var sn) && devices.TryGetValue(sn, out var d) ? d : null;
                bool? eligible = null;
                string? why = null;
                var plan = plans.FirstOrDefault(p => p.Code == l.PlanCode);
                if (open && plan is not null && Countries.Find(order.Buyer.Country) is not null)
                {
                    var (decision, message) = await eligibility.DecideAsync(l.SerialNumber, plan.Id, request, ct);
                    eligible = decision.IsEligible;
                    why = message;
                }
                else if (open && plan is null)
                {
                    (eligible, why) = (false, AdminStrings.Get("Lines_PlanGone", l.PlanCode));
                }
                result.Add(new AdminOrderLine(l.Id, OrderLineView.From(l, order.Currency), l.PlanCode, device, eligible, why));
            }
            return (result, null);
        }
        catch (RegistryUnavailableException e)
        {
            return (ordered.Select(l => new AdminOrderLine(l.Id, OrderLineView.From(l, order.Currency), l.PlanCode, null, null, null)).ToList(),
                AdminStrings.Get("Lines_RegistryDown", e.Message));
        }
    }
}
