using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Infrastructure.RateLimiting;

/// <summary>
/// The attempts of one partition under one rule, shared by every instance of the portal: the count of the current
/// aligned window and of the one before it, from which <see cref="DbRateLimiter"/> estimates the sliding window.
/// <see cref="Key"/> is a hash of the rule and the partition (a client address, an email, an order number), so no
/// address or email is stored in clear. Times are Unix milliseconds: both providers compare and update integers in plain SQL.
/// </summary>
public sealed class RateLimitCounter
{
    public string Key { get; set; } = "";

    /// <summary>Start of the window <see cref="Count"/> belongs to (windows are aligned, so every instance agrees on them).</summary>
    public long WindowStart { get; set; }

    public int Count { get; set; }

    /// <summary>Attempts in the window just before <see cref="WindowStart"/>.</summary>
    public int PreviousCount { get; set; }

    /// <summary>When the row can be deleted: the end of the window after its own, when its count stops mattering.</summary>
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
