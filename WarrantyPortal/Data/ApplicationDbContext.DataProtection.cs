using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace WarrantyPortal.Data;

public partial class ApplicationDbContext
{
    /// <summary>The data-protection key ring (cookies, antiforgery and account tokens), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
