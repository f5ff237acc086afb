using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Payments;

namespace WarrantyPortal.Features.Orders;

public static class PaymentMethodMapping
{
    /// <summary>The order's record of a method the payment side reports.</summary>
    public static PaymentMethod ForOrder(this PaymentMethodKind kind) => kind switch
    {
        PaymentMethodKind.Card => PaymentMethod.Card,
        PaymentMethodKind.Alipay => PaymentMethod.Alipay,
        PaymentMethodKind.EuBankTransfer => PaymentMethod.EuBankTransfer,
        PaymentMethodKind.WireTransfer => PaymentMethod.WireTransfer,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown payment method."),
    };
}
