using System.Collections.Concurrent;
using WarrantyPortal.Domain;
using WarrantyPortal.Features.Payments;

namespace WarrantyPortal.Tests.TestSupport;

/// <summary>The orders side as the payment machinery sees it: every call, in order.</summary>
public sealed class RecordingSettlement : IPaymentSettlement
{
    public sealed record Call(string Kind, string OrderReference, Money? Amount, PaymentMethodKind? Method, string ProviderReference, string EventId, bool Fully = false);

    public ConcurrentQueue<Call> Calls { get; } = new();

    public IReadOnlyList<Call> For(string orderReference) => Calls.Where(c => c.OrderReference == orderReference).ToList();

    public Task PaymentSucceededAsync(string orderReference, Money amount, PaymentMethodKind method, string providerReference, string eventId, CancellationToken ct) =>
        Add(new("Succeeded", orderReference, amount, method, providerReference, eventId));

    public Task PaymentProcessingAsync(string orderReference, PaymentMethodKind method, string providerReference, string eventId, CancellationToken ct) =>
        Add(new("Processing", orderReference, null, method, providerReference, eventId));

    public Task PaymentFailedAsync(string orderReference, PaymentMethodKind method, string reason, string providerReference, string eventId, CancellationToken ct) =>
        Add(new("Failed", orderReference, null, method, providerReference, eventId));

    public Task CheckoutExpiredAsync(string orderReference, string providerReference, string eventId, CancellationToken ct) =>
        Add(new("Expired", orderReference, null, null, providerReference, eventId));

    public Task RefundedAsync(string orderReference, Money totalRefunded, bool fully, string providerReference, string eventId, CancellationToken ct) =>
        Add(new("Refunded", orderReference, totalRefunded, null, providerReference, eventId, fully));

    public Task PaymentNeedsReviewAsync(string orderReference, Money expected, Money received, string providerReference, string eventId, CancellationToken ct) =>
        Add(new("NeedsReview", orderReference, received, null, providerReference, eventId));

    private Task Add(Call call)
    {
        Calls.Enqueue(call);
        return Task.CompletedTask;
    }
}
