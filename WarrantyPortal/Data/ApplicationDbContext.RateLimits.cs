using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Infrastructure.RateLimiting;

namespace WarrantyPortal.Data;

public partial class ApplicationDbContext
{
    public DbSet<RateLimitCounter> RateLimitCounters => Set<RateLimitCounter>();
}
