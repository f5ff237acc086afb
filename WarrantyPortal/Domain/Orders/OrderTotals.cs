namespace WarrantyPortal.Domain.Orders;

/// <summary>VAT at one rate: the net amount it applies to and the tax, rounded to the currency's minor unit.</summary>
public sealed record VatLine(int RateBasisPoints, Money Net, Money Vat)
{
    public decimal RatePercent => RateBasisPoints / 100m;
}

/// <summary>
/// An order's amounts. VAT is computed per rate on the summed net amounts (one rounding per rate, not per line),
/// half away from zero to the currency's minor unit. Under reverse charge there is no VAT: the buyer accounts for it.
/// </summary>
public sealed record OrderTotals(Money StandardTotal, Money Subtotal, IReadOnlyList<VatLine> Vat, Money VatTotal, Money Total, bool ReverseCharge)
{
    /// <summary>What the buyer saves against the list prices.</summary>
    public Money Discount => StandardTotal - Subtotal;

    public static OrderTotals Compute(IEnumerable<OrderLine> lines, string currency, bool reverseCharge)
    {
        var list = lines.ToList();
        var standard = new Money(list.Sum(l => l.StandardAmountMinor), currency);
        var subtotal = new Money(list.Sum(l => l.SettlementAmountMinor), currency);
        var vat = reverseCharge
            ? []
            : list.GroupBy(l => l.VatRateBasisPoints)
                .Where(g => g.Key > 0)
                .OrderByDescending(g => g.Key)
                .Select(g =>
                {
                    var net = new Money(g.Sum(l => l.SettlementAmountMinor), currency);
                    return new VatLine(g.Key, net, net.Percent(g.Key / 10_000m));
                })
                .ToList();
        var vatTotal = vat.Aggregate(Money.Zero(currency), (sum, v) => sum + v.Vat);
        return new OrderTotals(standard, subtotal, vat, vatTotal, subtotal + vatTotal, reverseCharge);
    }
}
