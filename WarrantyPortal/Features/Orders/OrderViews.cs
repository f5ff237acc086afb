using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Orders;

public sealed record OrderSummary(Guid Id, string Number, OrderStatus Status, DateTime CreatedAtUtc, DateTime? SubmittedAtUtc,
    Money Total, int LineCount, IReadOnlyList<string> SerialNumbers);

public sealed record OrderListFilter(string? Search = null, OrderStatus? Status = null, int Page = 1, int PageSize = 10);

public sealed record OrderListPage(IReadOnlyList<OrderSummary> Items, int TotalCount, IReadOnlyDictionary<OrderStatus, int> CountByStatus)
{
    public int AllCount => CountByStatus.Values.Sum();
}

public sealed record OrderLineView(string SerialNumber, string ProductModel, string ProductName, string PlanName, int Quantity,
    Money StandardUnitPrice, Money UnitPrice, Money SettlementAmount, int VatRateBasisPoints)
{
    public static OrderLineView From(OrderLine l, string currency) =>
        new(l.SerialNumber, l.ProductModel, l.ProductName, l.PlanName, l.Quantity, new Money(l.StandardUnitPriceMinor, currency),
            new Money(l.UnitPriceMinor, currency), new Money(l.SettlementAmountMinor, currency), l.VatRateBasisPoints);
}

public sealed record OrderHistoryEntry(DateTime AtUtc, OrderStatus? From, OrderStatus To, OrderActorKind ActorKind, string ActorName, string? Remark);

/// <summary>Everything the order details page shows, read in one go.</summary>
public sealed record OrderDetails(
    Guid Id,
    string Number,
    OrderStatus Status,
    string Currency,
    BuyerSnapshot Buyer,
    string? Remark,
    bool ReverseCharge,
    bool ConsentToImmediateStart,
    DateTime CreatedAtUtc,
    DateTime? SubmittedAtUtc,
    DateTime? AuditedAtUtc,
    DateTime? PaidAtUtc,
    DateTime? CompletedAtUtc,
    DateTime? ClosedAtUtc,
    string? CloseReason,
    IReadOnlyList<OrderLineView> Lines,
    OrderTotals Totals,
    IReadOnlyList<OrderHistoryEntry> History,
    Domain.Catalog.VatVerification? VatCheck = null,
    PaymentMethod? PaymentMethod = null)
{
    public bool CanCancel => OrderTransitions.CanCancel(Status);
    public bool CanPay => OrderTransitions.CanPay(Status);

    public static OrderDetails From(Order o) => new(o.Id, o.Number ?? "", o.Status, o.Currency, o.Buyer, o.Remark, o.ReverseCharge,
        o.ConsentToImmediateStart, o.CreatedAtUtc, o.SubmittedAtUtc, o.AuditedAtUtc, o.PaidAtUtc, o.CompletedAtUtc, o.ClosedAtUtc,
        o.CloseReason, o.Lines.Select(l => OrderLineView.From(l, o.Currency)).ToList(), o.Totals,
        o.History.OrderBy(h => h.AtUtc).ThenBy(h => h.Id)
            .Select(h => new OrderHistoryEntry(h.AtUtc, h.FromStatus, h.ToStatus, h.ActorKind, h.ActorName, h.Remark)).ToList(),
        o.VatCheck,
        o.PaymentMethod);
}
