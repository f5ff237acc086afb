using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;

namespace WarrantyPortal.Features.Payments;

public sealed record PaymentAttemptRow(
    Guid Id, DateTime CreatedAtUtc, string OrderNumber, string CustomerEmail, Money Amount, PaymentMethodKind Method,
    PaymentAttemptStatus Status, string Provider, string? ProviderSessionId, string? Problem, Money? Received, long RefundedMinor);

public sealed record PaymentAttemptPage(IReadOnlyList<PaymentAttemptRow> Rows, int Total);

/// <summary>Checkout attempts for the back office, newest first; payments held for review come first when asked.</summary>
public sealed class PaymentAttemptsQuery(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public async Task<PaymentAttemptPage> RunAsync(PaymentAttemptStatus? status, string? search, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.PaymentAttempts.AsNoTracking();
        if (status is not null) q = q.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            q = q.Where(a => a.OrderNumber.Contains(s) || a.CustomerEmail.Contains(s) || a.OrderReference == s);
        }
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(a => a.CreatedAtUtc).Skip(skip).Take(take)
            .Select(a => new { a.Id, a.CreatedAtUtc, a.OrderNumber, a.CustomerEmail, a.AmountMinor, a.Currency, a.Method, a.Status, a.Provider, a.ProviderSessionId, a.Problem, a.ReceivedMinor, a.ReceivedCurrency, a.RefundedMinor })
            .ToListAsync(ct);
        return new PaymentAttemptPage(rows.Select(a => new PaymentAttemptRow(a.Id, a.CreatedAtUtc, a.OrderNumber, a.CustomerEmail, new Money(a.AmountMinor, a.Currency),
            a.Method, a.Status, a.Provider, a.ProviderSessionId, a.Problem,
            a.ReceivedMinor is { } r ? new Money(r, a.ReceivedCurrency ?? a.Currency) : null, a.RefundedMinor)).ToList(), total);
    }

    public async Task<int> NeedingReviewAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PaymentAttempts.CountAsync(a => a.Status == PaymentAttemptStatus.NeedsReview, ct);
    }
}
