namespace WarrantyPortal.Domain.Orders;

/// <summary>
/// One device's extension on an order: what was sold, snapshotted at submit so later catalogue changes do not rewrite it.
/// Prices are net of VAT, in the order currency's minor units.
/// </summary>
public sealed class OrderLine
{
    private OrderLine() { }

    public OrderLine(string serialNumber, string productModel, string productName, string planCode, string planName,
        long standardUnitPriceMinor, long unitPriceMinor, int vatRateBasisPoints, int quantity = 1)
    {
        if (string.IsNullOrWhiteSpace(serialNumber)) throw new ArgumentException("A line needs a serial number.", nameof(serialNumber));
        if (string.IsNullOrWhiteSpace(planCode)) throw new ArgumentException("A line needs a plan.", nameof(planCode));
        if (quantity != 1) throw new OrderException(OrderError.QuantityInvalid, "An extension covers exactly one device: quantity is 1.");
        if (standardUnitPriceMinor < 0 || unitPriceMinor < 0 || vatRateBasisPoints < 0 || vatRateBasisPoints > 10_000)
        {
            throw new OrderException(OrderError.PriceInvalid, $"Line {serialNumber} has a negative price or a VAT rate outside 0–100 %.");
        }
        SerialNumber = serialNumber.Trim().ToUpperInvariant();
        ProductModel = productModel.Trim();
        ProductName = productName.Trim();
        PlanCode = planCode.Trim();
        PlanName = planName.Trim();
        StandardUnitPriceMinor = standardUnitPriceMinor;
        UnitPriceMinor = unitPriceMinor;
        VatRateBasisPoints = vatRateBasisPoints;
        Quantity = quantity;
    }

    public int Id { get; private set; }
    public Guid OrderId { get; private set; }
    public string SerialNumber { get; private set; } = "";
    public string ProductModel { get; private set; } = "";
    public string ProductName { get; private set; } = "";
    public string PlanCode { get; private set; } = "";
    public string PlanName { get; private set; } = "";
    public int Quantity { get; private set; } = 1;

    /// <summary>The list price of the plan before any discount.</summary>
    public long StandardUnitPriceMinor { get; private set; }

    /// <summary>What the buyer pays per unit, net of VAT.</summary>
    public long UnitPriceMinor { get; private set; }

    /// <summary>VAT rate in basis points: 2100 = 21 %.</summary>
    public int VatRateBasisPoints { get; private set; }

    public long SettlementAmountMinor => UnitPriceMinor * Quantity;

    public long StandardAmountMinor => StandardUnitPriceMinor * Quantity;

    internal void Settle(long unitPriceMinor) => UnitPriceMinor = unitPriceMinor;

    internal void ChangePlan(string planCode, string planName, long standardUnitPriceMinor, long unitPriceMinor, int vatRateBasisPoints)
    {
        if (string.IsNullOrWhiteSpace(planCode)) throw new ArgumentException("A line needs a plan.", nameof(planCode));
        if (standardUnitPriceMinor < 0 || unitPriceMinor < 0 || vatRateBasisPoints < 0 || vatRateBasisPoints > 10_000)
        {
            throw new OrderException(OrderError.PriceInvalid, $"Line {SerialNumber} has a negative price or a VAT rate outside 0–100 %.");
        }
        PlanCode = planCode.Trim();
        PlanName = planName.Trim();
        StandardUnitPriceMinor = standardUnitPriceMinor;
        UnitPriceMinor = unitPriceMinor;
        VatRateBasisPoints = vatRateBasisPoints;
    }
}
