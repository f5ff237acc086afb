using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Features.Orders;

/// <summary>The last order number handed out on a day; one row per day, incremented inside the submit transaction.</summary>
public sealed class OrderNumberCounter
{
    /// <summary>yyyyMMdd (UTC).</summary>
    public string Day { get; set; } = "";

    public int LastValue { get; set; }
}

public sealed class OrderNumberCounterConfiguration : IEntityTypeConfiguration<OrderNumberCounter>
{
    public void Configure(EntityTypeBuilder<OrderNumberCounter> b)
    {
        b.ToTable("OrderNumberCounters");
        b.HasKey(c => c.Day);
        b.Property(c => c.Day).HasMaxLength(8);
    }
}
