namespace WarrantyPortal.Domain.Orders;

public enum OrderError
{
    IllegalTransition,
    NoLines,
    DuplicateSerialNumber,
    CurrencyUnknown,
    ConsentRequired,
    ReasonRequired,
    NumberInvalid,
    QuantityInvalid,
    PriceInvalid,
}

/// <summary>An order refused a change; <see cref="Error"/> says which rule, for a localised message.</summary>
public sealed class OrderException(OrderError error, string message) : InvalidOperationException(message)
{
    public OrderError Error { get; } = error;
}
