using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Domain.Accounts;
using WarrantyPortal.Features.Accounts;

namespace WarrantyPortal.Data;

public partial class ApplicationDbContext
{
    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();

    public DbSet<ContactAddress> ContactAddresses => Set<ContactAddress>();
}
