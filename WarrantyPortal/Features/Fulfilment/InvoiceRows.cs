using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Documents;

namespace WarrantyPortal.Features.Fulfilment;

/// <summary>Turns an order into invoice rows and printable invoice documents.</summary>
public static class InvoiceRows
{
    public static Invoice ForPayment(Order order, string number, DateTime nowUtc) => new()
    {
        Number = number,
        Kind = InvoiceKind.Invoice,
        OrderId = order.Id,
        OrderNumber = order.Number!,
        IssueDate = DateOnly.FromDateTime(nowUtc),
        PaymentMethod = order.History.Any(h => h.ToStatus == OrderStatus.AwaitingTransfer) ? PaymentMethod.BankTransfer : PaymentMethod.Card,
        PaymentDate = DateOnly.FromDateTime(order.PaidAtUtc ?? nowUtc),
        Currency = order.Currency,
        NetMinor = order.SubtotalMinor,
        VatMinor = order.VatMinor,
        TotalMinor = order.TotalMinor,
        CreatedAtUtc = nowUtc,
    };

    /// <summary>
    /// Invoice lines, one per model, plan, price and VAT rate with its quantity. Grouping keeps a 2,000-device invoice
    /// short, and because the order has one price per plan and rate, VAT rounded per group equals the order's VAT
    /// rounded per rate, so the printed totals are the amounts charged.
    /// </summary>
    public static IReadOnlyList<InvoiceLine> Lines(Order order) =>
        order.Lines
            .GroupBy(l => (l.ProductModel, l.PlanName, l.UnitPriceMinor, Rate: order.ReverseCharge ? 0 : l.VatRateBasisPoints))
            .OrderBy(g => g.Key.ProductModel, StringComparer.Ordinal).ThenBy(g => g.Key.PlanName, StringComparer.Ordinal)
            .Select(g => new InvoiceLine($"{g.Key.PlanName} · {g.Key.ProductModel}", g.Count(),
                new Money(g.Key.UnitPriceMinor, order.Currency), g.Key.Rate / 10_000m))
            .ToList();

    public static InvoiceBuyer Buyer(Order order)
    {
        var b = order.Buyer;
        var address = b.BillingAddress.IsComplete ? b.BillingAddress : b.InstallationAddress;
        var name = string.IsNullOrWhiteSpace(b.PayerName) ? b.FullName : b.PayerName;
        return new InvoiceBuyer(name, FulfilmentService.AddressLines(address).ToList(), string.IsNullOrWhiteSpace(b.TaxId) ? null : b.TaxId);
    }
}
