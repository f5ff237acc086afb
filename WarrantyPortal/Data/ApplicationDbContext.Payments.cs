using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Features.Payments;

namespace WarrantyPortal.Data;

public partial class ApplicationDbContext
{
    public DbSet<PaymentAttempt> PaymentAttempts => Set<PaymentAttempt>();

    public DbSet<PaymentEventRecord> PaymentEvents => Set<PaymentEventRecord>();
}
