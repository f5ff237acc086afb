using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Infrastructure.RateLimiting;

/// <summary>
/// One fixed-window counter shared by every instance of the portal. <see cref="Key"/> is a hash of the rule and the
/// partition (a client address, an email, an order number), so no address or email is stored in clear.
/// Times are Unix seconds: both providers compare and update integers in plain SQL.
/// </summary>
public sealed class RateLimitCounter
{
    public string Key { get; set; } = "";

    /// <summary>Start of the current window, Unix seconds (windows are aligned, so every instance agrees on them).</summary>
    public long WindowStart { get; set; }

    public int Count { get; set; }

    /// <summary>When the row can be deleted: the end of its window, Unix seconds.</summary>
    public long ExpiresAt { get; set; }
}

public sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>
{
    public const string Table = "RateLimitCounters";

    public void Configure(EntityTypeBuilder<RateLimitCounter> b)
    {
        b.ToTable(Table);
        b.HasKey(c => c.Key);
        b.Property(c => c.Key).HasMaxLength(64);
        b.HasIndex(c => c.ExpiresAt);
    }
}
