using WarrantyPortal.Domain;

namespace WarrantyPortal.Features.Payments;

/// <summary>How the customer pays. Card, Alipay and EU bank transfer go through a checkout session; a wire transfer is recorded by an admin.</summary>
public enum PaymentMethodKind
{
    Card,
    Alipay,
    EuBankTransfer,
    WireTransfer,
}

/// <summary>One line of the order as the customer sees it on the checkout page.</summary>
public sealed record PaymentLine(string Name, long UnitAmountMinor, int Quantity)
{
    public long TotalMinor => checked(UnitAmountMinor * Quantity);
}

/// <summary>
/// What the orders side hands to <see cref="CheckoutService.StartAsync"/> when the customer opens the payment page.
/// <paramref name="OrderReference"/> is the order's stable key (given back in every <see cref="IPaymentSettlement"/> call);
/// <paramref name="OrderNumber"/> is what the customer reads (WE…). Relative URLs are made absolute with Portal:PublicBaseUrl;
/// without a success or cancel URL the customer comes back to the portal's own payment status page.
/// </summary>
public sealed record PaymentRequest(
    string OrderReference,
    string OrderNumber,
    string CustomerEmail,
    string Currency,
    IReadOnlyList<PaymentLine> Lines,
    Money Total,
    string? SuccessUrl = null,
    string? CancelUrl = null,
    string? Country = null,
    string? CustomerName = null,
    bool SaveCard = false,
    string Culture = "en")
{
    /// <summary>Refuses a request the payment provider would refuse or charge wrongly.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(OrderReference)) throw new ArgumentException("The order reference is missing.", nameof(OrderReference));
        if (string.IsNullOrWhiteSpace(OrderNumber)) throw new ArgumentException("The order number is missing.", nameof(OrderNumber));
        if (string.IsNullOrWhiteSpace(CustomerEmail) || !CustomerEmail.Contains('@')) throw new ArgumentException("The customer's email address is missing or invalid.", nameof(CustomerEmail));
        if (string.IsNullOrWhiteSpace(Currency) || Currency.Length != 3) throw new ArgumentException("The currency must be an ISO 4217 code such as EUR.", nameof(Currency));
        if (!string.Equals(Total.Currency, Currency, StringComparison.OrdinalIgnoreCase)) throw new ArgumentException($"The total is in {Total.Currency} but the order is in {Currency}.", nameof(Total));
        if (Lines.Count == 0) throw new ArgumentException("An order to pay needs at least one line.", nameof(Lines));
        foreach (var line in Lines)
        {
            if (string.IsNullOrWhiteSpace(line.Name)) throw new ArgumentException("Every line needs a name.", nameof(Lines));
            if (line.Quantity <= 0) throw new ArgumentException($"Line '{line.Name}' has quantity {line.Quantity}; it must be at least 1.", nameof(Lines));
            if (line.UnitAmountMinor < 0) throw new ArgumentException($"Line '{line.Name}' has a negative price.", nameof(Lines));
        }
        var sum = Lines.Sum(l => l.TotalMinor);
        if (sum != Total.Minor) throw new ArgumentException($"The lines add up to {new Money(sum, Currency)} but the total is {Total}.", nameof(Total));
        if (Total.Minor <= 0) throw new ArgumentException("There is nothing to pay on this order.", nameof(Total));
    }
}

/// <summary>
/// Where payment outcomes land: implemented by the orders feature (moves the order to Paid, queues the emails).
/// Every registered implementation is called. Calls happen at least once per change: a call is repeated with the same
/// <c>eventId</c> if it, or the recording of the event after it, failed; implementations must treat a repeated
/// <c>eventId</c> (or a change the order already has) as done.
/// </summary>
public interface IPaymentSettlement
{
    /// <summary>The money arrived, in the amount and currency of the checkout: the order is paid.</summary>
    Task PaymentSucceededAsync(string orderReference, Money amount, PaymentMethodKind method, string providerReference, string eventId, CancellationToken ct);

    /// <summary>The customer finished checkout with a method that confirms later (bank transfer): the order waits for the money.</summary>
    Task PaymentProcessingAsync(string orderReference, PaymentMethodKind method, string providerReference, string eventId, CancellationToken ct);

    /// <summary>A delayed payment failed: the order is still unpaid and the customer may try again.</summary>
    Task PaymentFailedAsync(string orderReference, PaymentMethodKind method, string reason, string providerReference, string eventId, CancellationToken ct);

    /// <summary>The checkout session ended unpaid (24 h at most, or replaced by a new one): the order is still unpaid.</summary>
    Task CheckoutExpiredAsync(string orderReference, string providerReference, string eventId, CancellationToken ct);

    /// <summary>Money went back to the customer. <paramref name="totalRefunded"/> is the running total; <paramref name="fully"/> when all of it.</summary>
    Task RefundedAsync(string orderReference, Money totalRefunded, bool fully, string providerReference, string eventId, CancellationToken ct);

    /// <summary>The provider reported a payment whose amount or currency differs from the checkout: not accepted, an admin decides.</summary>
    Task PaymentNeedsReviewAsync(string orderReference, Money expected, Money received, string providerReference, string eventId, CancellationToken ct);
}
