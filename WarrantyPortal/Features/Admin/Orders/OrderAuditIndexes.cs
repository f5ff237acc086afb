using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Features.Admin.Orders;

/// <summary>
/// The indexes the order-audit grid filters and sorts by (the orders feature maps the entity itself), so that on a
/// million orders a first page is an index walk, never a scan and sort of the table:
/// each exact filter has (value, submitted) for the default "newest first" page and (value, status, submitted) for the
/// status counts and the status tabs;
/// each sort column has (column, number), the number being the grid's tie-breaker that keeps pages stable.
/// The buyer's snapshot is a complex type, whose columns EF cannot index yet: the ones the grid needs are copied into
/// stored generated columns (<see cref="Country"/>, <see cref="Customer"/>, <see cref="Company"/>) that the database
/// keeps equal to the snapshot.
/// </summary>
public sealed class OrderAuditIndexes : IEntityTypeConfiguration<Order>
{
    public const string Country = "AuditCountry";
    public const string Customer = "AuditCustomer";
    public const string Company = "AuditCompany";
    public const string CustomerSearch = "AuditCustomerSearch";

    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.Property<string>(Country).HasMaxLength(2).HasComputedColumnSql("\"Buyer_Country\"", stored: true);
        b.Property<string>(Customer).HasMaxLength(200).HasComputedColumnSql("\"Buyer_FullName\"", stored: true);
        b.Property<string>(Company).HasMaxLength(200).HasComputedColumnSql("\"Buyer_PayerName\"", stored: true);

        // Name and email lower-cased in one column: the "customer or email" filter reads this narrow index, not the table.
        b.Property<string>(CustomerSearch).HasMaxLength(530)
            .HasComputedColumnSql("lower(\"Buyer_FullName\") || ' ' || lower(\"Buyer_Email\")", stored: true);
        b.HasIndex(CustomerSearch, nameof(Order.Status), nameof(Order.SubmittedAtUtc));

        b.HasIndex(o => new { o.SubmittedAtUtc, o.Number });
        // With the status and the date: a total range is counted per status, and its newest page picked, from the index alone.
        b.HasIndex(o => new { o.TotalMinor, o.Number, o.Status, o.SubmittedAtUtc });
        b.HasIndex(o => new { o.Status, o.Number });
        b.HasIndex(o => new { o.Currency, o.SubmittedAtUtc });
        b.HasIndex(o => new { o.Currency, o.Number });
        b.HasIndex(o => new { o.PaymentMethod, o.SubmittedAtUtc });
        b.HasIndex(o => new { o.PaymentMethod, o.Number });
        b.HasIndex(Country, nameof(Order.SubmittedAtUtc));
        b.HasIndex(Country, nameof(Order.Number));
        b.HasIndex(Customer, nameof(Order.Number));
        b.HasIndex(Company, nameof(Order.Number));

        // Each exact filter with the status: the status chips are counted from the index alone, and a status tab under
        // that filter is a walk by submission date.
        b.HasIndex(Country, nameof(Order.Status), nameof(Order.SubmittedAtUtc));
        b.HasIndex(o => new { o.Currency, o.Status, o.SubmittedAtUtc });
        b.HasIndex(o => new { o.PaymentMethod, o.Status, o.SubmittedAtUtc });
        // Country and currency together (a market): without it the counts would read every order of the currency.
        b.HasIndex(Country, nameof(Order.Currency), nameof(Order.Status), nameof(Order.SubmittedAtUtc));
    }
}
