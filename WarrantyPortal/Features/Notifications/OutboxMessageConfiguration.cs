using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Features.Notifications;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(m => m.Kind).HasMaxLength(64);
        b.Property(m => m.ToAddress).HasMaxLength(320);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(400);
        b.Property(m => m.Culture).HasMaxLength(10);
        b.Property(m => m.Reference).HasMaxLength(64);
        b.Property(m => m.ClaimedBy).HasMaxLength(100);
        // A JSON object of header name to value: the same column type on every provider.
        b.Property(m => m.Headers).HasMaxLength(4000).HasConversion(
            h => JsonSerializer.Serialize(h, JsonSerializerOptions.Default),
            s => JsonSerializer.Deserialize<Dictionary<string, string>>(s, JsonSerializerOptions.Default)!,
            new ValueComparer<Dictionary<string, string>?>(
                (a, c) => a == null ? c == null : c != null && a.Count == c.Count && !a.Except(c).Any(),
                h => h == null ? 0 : h.Aggregate(0, (acc, kv) => acc ^ HashCode.Combine(kv.Key, kv.Value)),
                h => h == null ? null : new Dictionary<string, string>(h, StringComparer.OrdinalIgnoreCase)));
        b.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
        b.HasIndex(m => m.Reference);
    }
}
