using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Features.Notifications;

namespace WarrantyPortal.Data;

public partial class ApplicationDbContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
}
