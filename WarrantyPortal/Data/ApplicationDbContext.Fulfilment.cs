using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Features.Fulfilment;

namespace WarrantyPortal.Data;

public partial class ApplicationDbContext
{
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<OrderFulfilment> OrderFulfilments => Set<OrderFulfilment>();
}
