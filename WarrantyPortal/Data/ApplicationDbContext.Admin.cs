using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Features.Admin.Audit;
using WarrantyPortal.Features.Admin.Maintenance;
using WarrantyPortal.Features.Admin.Orders;
using WarrantyPortal.Features.Admin.Users;

namespace WarrantyPortal.Data;

public partial class ApplicationDbContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OrderRemark> OrderRemarks => Set<OrderRemark>();
    public DbSet<WireTransfer> WireTransfers => Set<WireTransfer>();
    public DbSet<PortalSetting> PortalSettings => Set<PortalSetting>();
    public DbSet<UserProfileAssignment> UserProfileAssignments => Set<UserProfileAssignment>();
}
