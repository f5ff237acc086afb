using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Admin.Orders;

/// <summary>
/// The indexes the order-audit grid sorts and filters by (the orders feature maps the entity itself): the default
/// "newest first" page, totals, currency and payment method reach their first page without scanning every order.
/// </summary>
public sealed class OrderAuditIndexes : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.HasIndex(o => o.SubmittedAtUtc);
        b.HasIndex(o => o.TotalMinor);
        b.HasIndex(o => new { o.Currency, o.SubmittedAtUtc });
        b.HasIndex(o => new { o.PaymentMethod, o.SubmittedAtUtc });
    }
}
