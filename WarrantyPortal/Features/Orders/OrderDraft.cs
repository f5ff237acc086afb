using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Orders;

/// <summary>
/// An order as the quick-purchase form built it, priced as the buyer saw it. The server prices it again at submit;
/// the prices here only serve to notice that they changed.
/// </summary>
public sealed record OrderDraft(
    BuyerSnapshot Buyer,
    string Currency,
    IReadOnlyList<PricedLine> Lines,
    bool ReverseCharge,
    string? Remark,
    bool ConsentToImmediateStart)
{
    /// <summary>The order as the review page shows it before it is placed.</summary>
    public Order ToPreview(string customerUserId, DateTime atUtc) =>
        Order.CreateDraft(customerUserId, Buyer, Currency, ReverseCharge, Lines.Select(ToLine), Remark, ConsentToImmediateStart,
            OrderActor.Customer(customerUserId, Buyer.FullName), atUtc);

    internal static OrderLine ToLine(PricedLine l) =>
        new(l.SerialNumber, l.ProductModel, l.ProductName, l.PlanCode, l.PlanName, l.StandardUnitPriceMinor, l.UnitPriceMinor, l.VatRateBasisPoints);
}

public enum SubmitOutcome
{
    Submitted,

    /// <summary>The draft misses something the buyer must fix; see <see cref="SubmitResult.Errors"/>.</summary>
    Invalid,

    /// <summary>Some devices cannot be ordered (any more); nothing was ordered.</summary>
    Refused,

    /// <summary>The prices changed since the buyer saw them; nothing was ordered, show <see cref="SubmitResult.Repriced"/>.</summary>
    PricesChanged,
}

public sealed record SubmitResult(
    SubmitOutcome Outcome,
    string? OrderNumber,
    IReadOnlyList<string> Errors,
    IReadOnlyList<RefusedLine> Refused,
    IReadOnlyList<PricedLine> Repriced)
{
    public static SubmitResult Ok(string number) => new(SubmitOutcome.Submitted, number, [], [], []);

    public static SubmitResult Invalid(IReadOnlyList<string> errors) => new(SubmitOutcome.Invalid, null, errors, [], []);

    public static SubmitResult Refuse(IReadOnlyList<RefusedLine> refused) => new(SubmitOutcome.Refused, null, [], refused, []);

    public static SubmitResult Changed(IReadOnlyList<PricedLine> repriced) => new(SubmitOutcome.PricesChanged, null, [], [], repriced);
}
