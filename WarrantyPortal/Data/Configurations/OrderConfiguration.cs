using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Data.Configurations;

public sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("Orders");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).ValueGeneratedNever();
        b.Property(o => o.Number).HasMaxLength(20);
        b.HasIndex(o => o.Number).IsUnique();
        b.Property(o => o.CustomerUserId).HasMaxLength(450).IsRequired();
        // No foreign key to the user on purpose: orders are accounting records and outlive a deleted account.
        b.HasIndex(o => new { o.CustomerUserId, o.CreatedAtUtc });
        b.HasIndex(o => new { o.Status, o.SubmittedAtUtc });
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Currency).HasMaxLength(3).IsRequired();
        b.Property(o => o.PaymentMethod).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Remark).HasMaxLength(1000);
        b.Property(o => o.CloseReason).HasMaxLength(1000);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Ignore(o => o.VatCheck);
        b.Property(o => o.VatCheckOutcome).HasConversion<string>().HasMaxLength(12);
        b.Property(o => o.VatCheckNumber).HasMaxLength(40);
        b.Property(o => o.VatCheckName).HasMaxLength(300);
        b.Property(o => o.VatCheckAddress).HasMaxLength(600);
        b.Property(o => o.VatCheckConsultation).HasMaxLength(64);

        b.ComplexProperty(o => o.Buyer, buyer =>
        {
            buyer.Property(x => x.FullName).HasMaxLength(200).IsRequired();
            buyer.Property(x => x.Country).HasMaxLength(2).IsRequired();
            buyer.Property(x => x.Phone).HasMaxLength(40).IsRequired();
            buyer.Property(x => x.Email).HasMaxLength(320).IsRequired();
            buyer.Property(x => x.PayerKind).HasConversion<string>().HasMaxLength(10);
            buyer.Property(x => x.PayerName).HasMaxLength(200).IsRequired();
            buyer.Property(x => x.TaxId).HasMaxLength(40);
            buyer.ComplexProperty(x => x.InstallationAddress, Address);
            buyer.ComplexProperty(x => x.BillingAddress, Address);
        });

        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(o => o.History).WithOne().HasForeignKey(h => h.OrderId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private static void Address(ComplexPropertyBuilder<PostalAddress> a)
    {
        a.Property(x => x.Line1).HasMaxLength(200).IsRequired();
        a.Property(x => x.Line2).HasMaxLength(200);
        a.Property(x => x.PostalCode).HasMaxLength(20).IsRequired();
        a.Property(x => x.City).HasMaxLength(100).IsRequired();
        a.Property(x => x.Country).HasMaxLength(2).IsRequired();
    }
}

public sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.ToTable("OrderLines");
        b.Property(l => l.SerialNumber).HasMaxLength(64).IsRequired();
        // With the order: finding the orders of a serial number (or of a prefix of one) reads the index alone.
        b.HasIndex(l => new { l.SerialNumber, l.OrderId });
        // The order's key with the serial number (it serves the foreign key too): the audit grid, walking the orders under
        // a short serial-number prefix, tests each order's devices from this index alone.
        b.HasIndex(l => new { l.OrderId, l.SerialNumber });
        b.Property(l => l.ProductModel).HasMaxLength(100);
        b.Property(l => l.ProductName).HasMaxLength(200);
        b.Property(l => l.PlanCode).HasMaxLength(40).IsRequired();
        b.Property(l => l.PlanName).HasMaxLength(200);
    }
}

public sealed class OrderStatusChangeConfiguration : IEntityTypeConfiguration<OrderStatusChange>
{
    public void Configure(EntityTypeBuilder<OrderStatusChange> b)
    {
        b.ToTable("OrderStatusChanges");
        b.Property(h => h.FromStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.ToStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.ActorKind).HasConversion<string>().HasMaxLength(10);
        b.Property(h => h.ActorUserId).HasMaxLength(450);
        b.Property(h => h.ActorName).HasMaxLength(200);
        b.Property(h => h.Remark).HasMaxLength(1000);
        b.HasIndex(h => new { h.OrderId, h.AtUtc });
    }
}
