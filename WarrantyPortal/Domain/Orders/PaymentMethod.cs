namespace WarrantyPortal.Domain.Orders;

/// <summary>How an order is paid, or is being paid. Same names and values as the payment feature's method kinds.</summary>
public enum PaymentMethod
{
    Card = 0,
    Alipay = 1,

    /// <summary>Stripe's bank transfer to a virtual IBAN.</summary>
    EuBankTransfer = 2,

    /// <summary>A transfer to the store's own account, recorded by an admin.</summary>
    WireTransfer = 3,
}
