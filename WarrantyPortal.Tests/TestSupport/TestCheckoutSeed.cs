using System.Text.Json;
using WarrantyPortal.Features.Payments;

namespace WarrantyPortal.Tests.TestSupport;

/// <summary>An open test-mode payment attempt written straight into a running portal's database, to open its checkout page.</summary>
public static class TestCheckoutSeed
{
    public static Guid OpenAttempt(PortalApp app, PaymentMethodKind method, string currency, params PaymentLine[] lines)
    {
        var id = Guid.NewGuid();
        var now = DateTime.UtcNow;
        using var db = app.CreateDbContext();
        db.PaymentAttempts.Add(new PaymentAttempt
        {
            Id = id,
            OrderReference = "ord-" + id.ToString("N")[..10],
            OrderNumber = "WE20261123" + Random.Shared.Next(1000, 9999),
            CustomerEmail = "ana.martin@example.com",
            AmountMinor = lines.Sum(l => l.UnitAmountMinor * l.Quantity),
            Currency = currency,
            Method = method,
            Status = PaymentAttemptStatus.Open,
            Provider = TestModeGateway.ProviderName,
            ProviderSessionId = TestModeGateway.SessionIdFor(id),
            RedirectUrl = $"/checkout/test/{id}",
            SuccessUrl = $"{app.BaseUrl}{CheckoutService.ReturnPath(id)}",
            CancelUrl = $"{app.BaseUrl}{CheckoutService.ReturnPath(id)}",
            IdempotencyKey = $"seed-{id:N}",
            LinesJson = JsonSerializer.Serialize(lines, new JsonSerializerOptions(JsonSerializerDefaults.Web)),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
            ExpiresAtUtc = now.AddHours(23),
        });
        db.SaveChanges();
        return id;
    }
}
