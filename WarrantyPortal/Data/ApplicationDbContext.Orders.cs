using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Data;

public partial class ApplicationDbContext
{
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<OrderStatusChange> OrderStatusChanges => Set<OrderStatusChange>();
    public DbSet<PurchaseDraft> PurchaseDrafts => Set<PurchaseDraft>();
    public DbSet<OrderPaymentLink> OrderPaymentLinks => Set<OrderPaymentLink>();
    public DbSet<TransferFollowUp> TransferFollowUps => Set<TransferFollowUp>();
}
