using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Admin.Audit;
using WarrantyPortal.Features.Notifications;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Features.Admin.Orders;

public enum AdminOutcome
{
    Done,
    NotFound,

    /// <summary>The order's status does not allow it (e.g. approving a cancelled order).</summary>
    NotAllowed,

    /// <summary>Someone changed the order since the admin loaded it; nothing was applied.</summary>
    Conflict,

    /// <summary>The input is wrong (no reason, negative price…); <see cref="AdminResult.Message"/> says what to fix.</summary>
    Invalid,
}

public sealed record AdminResult(AdminOutcome Outcome, string? Message = null, string? ChangedBy = null)
{
    public bool Ok => Outcome == AdminOutcome.Done;
}

/// <summary>An order as the admin saw it when they chose to act: its id and the version they read.</summary>
public sealed record OrderRef(Guid Id, Guid Version);

public sealed record WireTransferInput(decimal Amount, string Currency, DateOnly ReceivedOn, string BankReference);

/// <summary>
/// What administrators do to orders. Each action checks the version the admin read (optimistic concurrency), writes
/// the audit trail and any email in the same SaveChanges, then tells open pages the order changed.
/// </summary>
public sealed class OrderAdminService(
    IDbContextFactory<ApplicationDbContext> factory,
    EmailOutbox outbox,
    AdminOrderEmails emails,
    OrderChangeNotifier notifier,
    TimeProvider clock)
{
    /// <summary>Approves, first applying any settlement unit prices (line id → minor units) the admin set.</summary>
    public Task<AdminResult> ApproveAsync(OrderRef order, AdminActor actor, IReadOnlyDictionary<int, long>? settlementPrices = null,
        CancellationToken ct = default) =>
        ActAsync(order, actor, "Approve", async (db, o) =>
        {
            if (o.Status != OrderStatus.Submitted) return NotAllowed(o, "approved");
            if (settlementPrices?.Values.Any(p => p < 0) == true) return new AdminResult(AdminOutcome.Invalid, AdminStrings.Get("Service_NegativePrice"));
            var settled = false;
            foreach (var (lineId, price) in settlementPrices ?? new Dictionary<int, long>())
            {
                var line = o.Lines.SingleOrDefault(l => l.Id == lineId);
                if (line is null || line.UnitPriceMinor == price) continue;
                var before = new Money(line.UnitPriceMinor, o.Currency);
                o.SetSettlementPrice(lineId, price);
                settled = true;
                AuditTrail.Add(db, actor, Now, AuditTrail.OrderKind, o.Number!, "SettlementPrice",
                    $"{line.SerialNumber}: {before}", $"{line.SerialNumber}: {new Money(price, o.Currency)}");
            }
            o.Approve(actor.ForOrder, Now);
            // The link is saved with the approval and its email: only the token's hash is kept.
            var token = OrderPaymentLinks.Issue(db, o.Id, OrderPaymentLinks.Approval, Now);
            outbox.Add(db, emails.Approved(o, await CultureAsync(db, o, ct), settled, emails.PayUrl(token)));
            return null;
        }, ct);

    public Task<AdminResult> RejectAsync(OrderRef order, AdminActor actor, string reason, CancellationToken ct = default) =>
        ActAsync(order, actor, "Reject", async (db, o) =>
        {
            if (string.IsNullOrWhiteSpace(reason)) return new AdminResult(AdminOutcome.Invalid, AdminStrings.Get("Actions_ReasonMissing"));
            if (o.Status != OrderStatus.Submitted) return NotAllowed(o, "rejected");
            o.Reject(actor.ForOrder, Now, reason);
            outbox.Add(db, emails.Rejected(o, await CultureAsync(db, o, ct), reason));
            return null;
        }, ct);

    public Task<AdminResult> CancelAsync(OrderRef order, AdminActor actor, string reason, CancellationToken ct = default) =>
        ActAsync(order, actor, "Cancel", async (db, o) =>
        {
            if (string.IsNullOrWhiteSpace(reason)) return new AdminResult(AdminOutcome.Invalid, AdminStrings.Get("Actions_ReasonMissing"));
            if (!o.CanCancel) return NotAllowed(o, "cancelled");
            o.Cancel(actor.ForOrder, Now, reason);
            outbox.Add(db, emails.Cancelled(o, await CultureAsync(db, o, ct), reason));
            return null;
        }, ct);

    public Task<AdminResult> RemoveLineAsync(OrderRef order, AdminActor actor, int lineId, CancellationToken ct = default) =>
        ActAsync(order, actor, "RemoveLine", (db, o) =>
        {
            if (o.Status != OrderStatus.Submitted) return Task.FromResult<AdminResult?>(NotAllowed(o, "edited"));
            if (o.Lines.Count == 1) return Task.FromResult<AdminResult?>(new AdminResult(AdminOutcome.Invalid, AdminStrings.Get("Service_OnlyDevice")));
            var line = o.RemoveLine(lineId);
            AuditTrail.Add(db, actor, Now, AuditTrail.OrderKind, o.Number!, "RemoveLine",
                $"{line.SerialNumber} · {line.PlanName} · {new Money(line.SettlementAmountMinor, o.Currency)}", null);
            return Task.FromResult<AdminResult?>(null);
        }, ct);

    /// <summary>
    /// Puts a plan priced by <see cref="OrderPlanChangeService"/> on a line of an order not yet paid or closed.
    /// Called through that service, which prices the plan on the server just before.
    /// </summary>
    internal Task<AdminResult> ApplyPlanAsync(OrderRef order, AdminActor actor, int lineId, PlanChoice plan, CancellationToken ct = default) =>
        ActAsync(order, actor, "ChangePlan", async (db, o) =>
        {
            if (await OrderPlanChangeService.RefusalAsync(db, o, ct) is { } refusal) return new AdminResult(AdminOutcome.NotAllowed, refusal);
            var line = o.Lines.SingleOrDefault(l => l.Id == lineId);
            if (line is null) return new AdminResult(AdminOutcome.NotFound, AdminStrings.Get("ChangePlan_NoLine"));
            if (plan.UnitPrice.Currency != o.Currency) return new AdminResult(AdminOutcome.Invalid, AdminStrings.Get("Service_PlanCurrency", plan.UnitPrice.Currency, o.Currency));
            var before = $"{line.SerialNumber} · {line.PlanCode} {line.PlanName} · {new Money(line.UnitPriceMinor, o.Currency)}";
            o.ChangePlan(lineId, plan.PlanCode, plan.Name, plan.ListUnitPrice.Minor, plan.UnitPrice.Minor, plan.VatRateBasisPoints);
            AuditTrail.Add(db, actor, Now, AuditTrail.OrderKind, o.Number!, "PlanChanged", before,
                $"{line.SerialNumber} · {line.PlanCode} {line.PlanName} · {new Money(line.UnitPriceMinor, o.Currency)}");
            return null;
        }, ct);

    /// <summary>
    /// Records a bank transfer. It marks the order paid only when amount and currency match the total; otherwise the
    /// transfer is kept, flagged, and the order stays as it is.
    /// </summary>
    public Task<AdminResult> RecordTransferAsync(OrderRef order, AdminActor actor, WireTransferInput input, CancellationToken ct = default) =>
        ActAsync(order, actor, "WireTransfer", async (db, o) =>
        {
            if (string.IsNullOrWhiteSpace(input.BankReference)) return new AdminResult(AdminOutcome.Invalid, AdminStrings.Get("Service_BankReference"));
            if (input.Amount <= 0) return new AdminResult(AdminOutcome.Invalid, AdminStrings.Get("Service_Amount"));
            if (!Currencies.IsKnown(input.Currency)) return new AdminResult(AdminOutcome.Invalid, AdminStrings.Get("Service_UnknownCurrency", input.Currency));
            if (!o.CanPay) return NotAllowed(o, "paid");
            var reference = input.BankReference.Trim();
            if (await db.WireTransfers.AnyAsync(w => w.OrderId == o.Id && w.BankReference == reference, ct))
            {
                return new AdminResult(AdminOutcome.Invalid, AdminStrings.Get("Service_DuplicateTransfer", reference));
            }
            var received = Money.FromDecimal(input.Amount, input.Currency.ToUpperInvariant());
            var matches = received.Currency == o.Currency && received.Minor == o.TotalMinor;
            db.WireTransfers.Add(new WireTransfer
            {
                OrderId = o.Id, AmountMinor = received.Minor, Currency = received.Currency, ReceivedOn = input.ReceivedOn,
                BankReference = reference, Mismatch = !matches, RecordedBy = actor.Name, RecordedAtUtc = Now,
            });
            AuditTrail.Add(db, actor, Now, AuditTrail.OrderKind, o.Number!, matches ? "WireTransfer" : "WireTransferMismatch",
                $"expected {new Money(o.TotalMinor, o.Currency)}", $"received {received} on {input.ReceivedOn:yyyy-MM-dd}, ref. {reference}");
            if (matches)
            {
                o.MarkPaid(actor.ForOrder, Now, $"Bank transfer {reference}", PaymentMethod.WireTransfer);
                outbox.Add(db, emails.TransferReceived(o, await CultureAsync(db, o, ct)));
            }
            return matches ? null : new AdminResult(AdminOutcome.Done, AdminStrings.Get("Service_TransferMismatch", received, new Money(o.TotalMinor, o.Currency)));
        }, ct);

    /// <summary>An internal note: the customer never sees it. It does not change the order, so it needs no version.</summary>
    public async Task<AdminResult> AddRemarkAsync(Guid orderId, AdminActor actor, string text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text)) return new AdminResult(AdminOutcome.Invalid, AdminStrings.Get("Service_RemarkEmpty"));
        await using var db = await factory.CreateDbContextAsync(ct);
        var number = await db.Orders.Where(o => o.Id == orderId).Select(o => o.Number).SingleOrDefaultAsync(ct);
        if (number is null) return new AdminResult(AdminOutcome.NotFound);
        db.OrderRemarks.Add(new OrderRemark { OrderId = orderId, Text = text.Trim(), AuthorName = actor.Name, AuthorUserId = actor.UserId, AtUtc = Now });
        AuditTrail.Add(db, actor, Now, AuditTrail.OrderKind, number, "Remark", null, text.Trim());
        await db.SaveChangesAsync(ct);
        return new AdminResult(AdminOutcome.Done);
    }

    /// <summary>Approves each order the admin selected; one that changed meanwhile or cannot be approved is reported, the others go through.</summary>
    public async Task<IReadOnlyDictionary<Guid, AdminResult>> ApproveManyAsync(IEnumerable<OrderRef> orders, AdminActor actor, CancellationToken ct = default)
    {
        var results = new Dictionary<Guid, AdminResult>();
        foreach (var o in orders.DistinctBy(o => o.Id)) results[o.Id] = await ApproveAsync(o, actor, null, ct);
        return results;
    }

    public async Task<IReadOnlyDictionary<Guid, AdminResult>> RejectManyAsync(IEnumerable<OrderRef> orders, AdminActor actor, string reason,
        CancellationToken ct = default)
    {
        var results = new Dictionary<Guid, AdminResult>();
        if (string.IsNullOrWhiteSpace(reason))
        {
            foreach (var o in orders) results[o.Id] = new AdminResult(AdminOutcome.Invalid, AdminStrings.Get("Audit_RejectReasonMissing"));
            return results;
        }
        foreach (var o in orders.DistinctBy(o => o.Id)) results[o.Id] = await RejectAsync(o, actor, reason, ct);
        return results;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<AdminResult> ActAsync(OrderRef target, AdminActor actor, string action,
        Func<ApplicationDbContext, Order, Task<AdminResult?>> change, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var order = await db.Orders.Include(o => o.Lines).AsSplitQuery().SingleOrDefaultAsync(o => o.Id == target.Id, ct);
        if (order is null) return new AdminResult(AdminOutcome.NotFound, AdminStrings.Get("Service_NoOrder"));
        if (order.Version != target.Version) return await ConflictAsync(db, order, ct);

        var before = Summary(order);
        AdminResult? refusal;
        try
        {
            refusal = await change(db, order);
        }
        catch (OrderException e)
        {
            return new AdminResult(AdminOutcome.NotAllowed, e.Message);
        }
        if (refusal is { Ok: false }) return refusal;

        AuditTrail.Add(db, actor, Now, AuditTrail.OrderKind, order.Number!, action, before, Summary(order) + Reason(order, action));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another admin saved between our read and our write: the database refused ours, nothing was applied.
            await using var fresh = await factory.CreateDbContextAsync(ct);
            var current = await fresh.Orders.AsNoTracking().SingleAsync(o => o.Id == target.Id, ct);
            return await ConflictAsync(fresh, current, ct);
        }
        notifier.Publish(order.Id);
        return refusal ?? new AdminResult(AdminOutcome.Done);
    }

    private static async Task<AdminResult> ConflictAsync(ApplicationDbContext db, Order order, CancellationToken ct)
    {
        var lastAudit = await db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectKind == AuditTrail.OrderKind && a.SubjectKey == order.Number)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Select(a => new { a.ActorName, a.AtUtc }).FirstOrDefaultAsync(ct);
        var lastMove = await db.OrderStatusChanges.AsNoTracking().Where(h => h.OrderId == order.Id)
            .OrderByDescending(h => h.AtUtc).ThenByDescending(h => h.Id).Select(h => new { h.ActorName, h.AtUtc }).FirstOrDefaultAsync(ct);
        var by = lastAudit is not null && (lastMove is null || lastAudit.AtUtc >= lastMove.AtUtc) ? lastAudit.ActorName : lastMove?.ActorName;
        return new AdminResult(AdminOutcome.Conflict,
            AdminStrings.Get("Service_Conflict", order.Number, by ?? AdminStrings.Get("Service_SomeoneElse"), order.Status), by);
    }

    private static AdminResult NotAllowed(Order o, string verb) => new(AdminOutcome.NotAllowed, AdminStrings.Get($"Service_NotAllowed_{verb}", o.Number, o.Status));

    private static string Summary(Order o) =>
        $"{o.Status} · {o.Lines.Count} line(s) · {new Money(o.TotalMinor, o.Currency).ToString()}"
        + (o.PaymentMethod is { } m ? $" · {m}" : "");

    private static string Reason(Order o, string action) =>
        action is "Reject" or "Cancel" && o.CloseReason is { } r ? $" · reason: {r}" : "";

    private static async Task<string> CultureAsync(ApplicationDbContext db, Order o, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == o.CustomerUserId).Select(u => u.PreferredCulture).SingleOrDefaultAsync(ct) ?? "en";
}
