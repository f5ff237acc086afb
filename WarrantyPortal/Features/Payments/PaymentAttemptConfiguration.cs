using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Features.Payments;

public sealed class PaymentAttemptConfiguration : IEntityTypeConfiguration<PaymentAttempt>
{
    public void Configure(EntityTypeBuilder<PaymentAttempt> b)
    {
        b.ToTable("PaymentAttempts");
        b.HasKey(a => a.Id);
        b.Property(a => a.OrderReference).HasMaxLength(64);
        b.Property(a => a.OrderNumber).HasMaxLength(40);
        b.Property(a => a.CustomerEmail).HasMaxLength(320);
        b.Property(a => a.Currency).HasMaxLength(3);
        b.Property(a => a.Method).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Provider).HasMaxLength(10);
        b.Property(a => a.ProviderSessionId).HasMaxLength(255);
        b.Property(a => a.PaymentIntentId).HasMaxLength(255);
        b.Property(a => a.RedirectUrl).HasMaxLength(2048);
        b.Property(a => a.SuccessUrl).HasMaxLength(2048);
        b.Property(a => a.CancelUrl).HasMaxLength(2048);
        b.Property(a => a.IdempotencyKey).HasMaxLength(100);
        b.Property(a => a.Country).HasMaxLength(2);
        b.Property(a => a.Culture).HasMaxLength(10);
        b.Property(a => a.ReceivedCurrency).HasMaxLength(3);
        b.Property(a => a.Problem).HasMaxLength(500);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.Amount);
        b.HasIndex(a => a.OrderReference);
        b.HasIndex(a => a.ProviderSessionId).IsUnique();
        b.HasIndex(a => a.PaymentIntentId);
        b.HasIndex(a => a.IdempotencyKey).IsUnique();
        b.HasIndex(a => new { a.Status, a.CreatedAtUtc });
    }
}

public sealed class PaymentEventRecordConfiguration : IEntityTypeConfiguration<PaymentEventRecord>
{
    public void Configure(EntityTypeBuilder<PaymentEventRecord> b)
    {
        b.ToTable("PaymentEvents");
        b.HasKey(e => e.EventId);
        b.Property(e => e.EventId).HasMaxLength(255);
        b.Property(e => e.Type).HasMaxLength(100);
        b.Property(e => e.Outcome).HasMaxLength(40);
        b.HasIndex(e => e.AttemptId);
    }
}
