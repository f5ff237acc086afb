namespace WarrantyPortal.Features.Orders;

/// <summary>
/// Prices order lines from the catalogue and checks each device is still eligible, on the server.
/// Implemented by the catalogue feature; the order feature never trusts prices a browser sent.
/// </summary>
public interface IOrderPricer
{
    /// <summary>
    /// Prices every item for this buyer's country, currency and tax number. Each item comes back either priced
    /// (in <see cref="OrderPricing.Lines"/>) or refused with a reason the buyer can read (in <see cref="OrderPricing.Refused"/>).
    /// </summary>
    Task<OrderPricing> PriceAsync(OrderPricingRequest request, CancellationToken ct);
}

/// <summary><see cref="CustomerUserId"/> is the buyer whose account decides the discount terms (a plain customer's when null).</summary>
public sealed record OrderPricingRequest(string Country, string Currency, string? TaxId, IReadOnlyList<OrderPricingItem> Items, string? CustomerUserId = null);

public sealed record OrderPricingItem(string SerialNumber, string PlanCode);

/// <summary>
/// The server's prices; <see cref="ReverseCharge"/> when the buyer's tax number moves the VAT to them, and
/// <see cref="VatCheck"/> what VIES said about that number, kept with the order.
/// </summary>
public sealed record OrderPricing(IReadOnlyList<PricedLine> Lines, IReadOnlyList<RefusedLine> Refused, bool ReverseCharge,
    Domain.Catalog.VatVerification? VatCheck = null);

/// <summary>A device with its plan and prices (net, minor units of the order currency; VAT in basis points).</summary>
public sealed record PricedLine(string SerialNumber, string ProductModel, string ProductName, string PlanCode, string PlanName,
    long StandardUnitPriceMinor, long UnitPriceMinor, int VatRateBasisPoints);

/// <summary>A device that cannot be ordered, and why (already localised for the buyer).</summary>
public sealed record RefusedLine(string SerialNumber, string Reason);
