using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Notifications;

namespace WarrantyPortal.Features.Orders;

/// <summary>
/// Places an order: checks the draft, prices it again on the server, and in one transaction allocates its number,
/// saves it, clears the buyer's purchase draft and queues the confirmation and the admins' notice.
/// </summary>
public sealed class OrderSubmissionService(
    IDbContextFactory<ApplicationDbContext> factory,
    IOrderPricer pricer,
    OrderNumberAllocator numbers,
    EmailOutbox outbox,
    OrderEmails emails,
    OrderChangeNotifier notifier,
    IStringLocalizer<OrderText> t,
    TimeProvider clock,
    ILogger<OrderSubmissionService> logger)
{
    public async Task<SubmitResult> SubmitAsync(string userId, OrderDraft draft, CancellationToken ct = default)
    {
        var errors = Validate(draft);
        if (errors.Count > 0) return SubmitResult.Invalid(errors);

        var request = new OrderPricingRequest(draft.Buyer.Country, draft.Currency, draft.Buyer.TaxId,
            draft.Lines.Select(l => new OrderPricingItem(l.SerialNumber, l.PlanCode)).ToList(), userId);
        OrderPricing pricing;
        try
        {
            pricing = await pricer.PriceAsync(request, ct);
        }
        catch (Features.Registry.RegistryUnavailableException ex)
        {
            logger.LogWarning(ex, "Order of {UserId} not submitted: the registry did not answer", userId);
            return SubmitResult.Invalid([t["Submit_Error_RegistryDown"]]);
        }
        if (pricing.Refused.Count > 0) return SubmitResult.Refuse(pricing.Refused);
        if (pricing.Lines.Count != draft.Lines.Count)
        {
            throw new InvalidOperationException($"The pricer answered {pricing.Lines.Count} lines for {draft.Lines.Count} items.");
        }
        if (PricesDiffer(draft, pricing)) return SubmitResult.Changed(pricing.Lines);

        var now = clock.GetUtcNow().UtcDateTime;
        var actor = OrderActor.Customer(userId, draft.Buyer.FullName);
        var order = Order.CreateDraft(userId, Normalize(draft.Buyer), draft.Currency, pricing.ReverseCharge,
            pricing.Lines.Select(OrderDraft.ToLine), FreeText.BlockOrNull(draft.Remark), draft.ConsentToImmediateStart, actor, now, pricing.VatCheck);

        try
        {
            await numbers.EnsureDayAsync(now, ct);
            await SaveAsync(userId, order, actor, now, ct);
        }
        catch (Exception ex) when (IsDatabaseLocked(ex))
        {
            // Writers wait up to the command timeout (30 s) for a lock; past that, the customer is told, and the form keeps everything.
            logger.LogWarning(ex, "Order of {UserId} not submitted: the database stayed locked", userId);
            return SubmitResult.Invalid([t["Submit_Error_Busy"]]);
        }
        logger.LogInformation("Order {Number} submitted by {UserId} with {Count} lines", order.Number, userId, order.Lines.Count);
        notifier.Publish(order.Id);
        return SubmitResult.Ok(order.Number!);
    }

    /// <summary>SQLite's "database is locked" (SQLITE_BUSY, SQLITE_LOCKED), however EF wrapped it.</summary>
    internal static bool IsDatabaseLocked(Exception ex) =>
        ex is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } || (ex.InnerException is { } inner && IsDatabaseLocked(inner));

    private async Task SaveAsync(string userId, Order order, OrderActor actor, DateTime now, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var number = await OrderNumberAllocator.NextAsync(db, now, ct);
            order.Submit(number, actor, now);
            db.Orders.Add(order);
            await db.PurchaseDrafts.Where(d => d.OwnerUserId == userId).ExecuteDeleteAsync(ct);

            outbox.Add(db, emails.Confirmation(order, await OrderRecipients.CultureOfAsync(db, userId, ct)));
            foreach (var admin in await OrderRecipients.AdminsAsync(db, ct))
            {
                outbox.Add(db, emails.AdminNotice(order, admin.Email, admin.Name, admin.Culture));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
    }

    private List<string> Validate(OrderDraft d)
    {
        var errors = new List<string>();
        var b = d.Buyer;
        if (string.IsNullOrWhiteSpace(b.FullName)) errors.Add(t["Submit_Error_FullName"]);
        if (string.IsNullOrWhiteSpace(b.Country) || b.Country.Trim().Length != 2) errors.Add(t["Submit_Error_Country"]);
        if (string.IsNullOrWhiteSpace(b.Email) || !b.Email.Contains('@')) errors.Add(t["Submit_Error_Email"]);
        if (string.IsNullOrWhiteSpace(b.PayerName)) errors.Add(t["Submit_Error_Payer"]);
        if (!b.InstallationAddress.IsComplete) errors.Add(t["Submit_Error_InstallationAddress"]);
        if (!Currencies.IsKnown(d.Currency)) errors.Add(t["Submit_Error_Currency"]);
        if (d.Lines.Count == 0) errors.Add(t["Submit_Error_NoLines"]);
        var duplicates = d.Lines.GroupBy(l => l.SerialNumber.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0) errors.Add(t["Submit_Error_Duplicate", string.Join(", ", duplicates)]);
        if (b.HasWithdrawalRight && !d.ConsentToImmediateStart) errors.Add(t["Submit_Error_Consent"]);
        if (!TextFits(d)) errors.Add(t["Submit_Error_TooLong"]);
        return errors;
    }

    /// <summary>The columns the order is stored in; the form's fields stop at these lengths, so longer text did not come from it.</summary>
    private static bool TextFits(OrderDraft d)
    {
        var b = d.Buyer;
        return FreeText.Fits(b.FullName, 200) && FreeText.Fits(b.Phone, 40) && FreeText.Fits(b.Email, 320) && FreeText.Fits(b.PayerName, 200)
            && FreeText.Fits(b.TaxId, 40) && FreeText.Fits(d.Remark, 1000) && Fits(b.InstallationAddress) && Fits(b.BillingAddress);

        static bool Fits(PostalAddress a) => FreeText.Fits(a.Line1, 200) && FreeText.Fits(a.Line2, 200) && FreeText.Fits(a.PostalCode, 20)
            && FreeText.Fits(a.City, 100) && FreeText.Fits(a.Country, 2);
    }

    private static bool PricesDiffer(OrderDraft draft, OrderPricing pricing)
    {
        if (draft.ReverseCharge != pricing.ReverseCharge) return true;
        var server = pricing.Lines.ToDictionary(l => l.SerialNumber.Trim(), StringComparer.OrdinalIgnoreCase);
        return draft.Lines.Any(l => !server.TryGetValue(l.SerialNumber.Trim(), out var s)
            || s.PlanCode != l.PlanCode || s.UnitPriceMinor != l.UnitPriceMinor
            || s.StandardUnitPriceMinor != l.StandardUnitPriceMinor || s.VatRateBasisPoints != l.VatRateBasisPoints);
    }

    private static BuyerSnapshot Normalize(BuyerSnapshot b)
    {
        var billing = b.BillingAddress.IsComplete ? b.BillingAddress : b.InstallationAddress;
        return b with
        {
            FullName = FreeText.Line(b.FullName),
            Country = b.Country.Trim().ToUpperInvariant(),
            Email = FreeText.Line(b.Email),
            Phone = FreeText.Line(b.Phone),
            PayerName = FreeText.Line(b.PayerName),
            TaxId = FreeText.LineOrNull(b.TaxId)?.ToUpperInvariant(),
            InstallationAddress = Clean(b.InstallationAddress),
            BillingAddress = Clean(billing),
        };

        static PostalAddress Clean(PostalAddress a) => a with
        {
            Line1 = FreeText.Line(a.Line1), Line2 = FreeText.LineOrNull(a.Line2), PostalCode = FreeText.Line(a.PostalCode), City = FreeText.Line(a.City),
        };
    }
}
