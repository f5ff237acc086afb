using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Features.Catalog;

namespace WarrantyPortal.Data;

public partial class ApplicationDbContext
{
    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PlanPrice> PlanPrices => Set<PlanPrice>();

    public DbSet<BuyerProfile> BuyerProfiles => Set<BuyerProfile>();

    public DbSet<BuyerProfileTier> BuyerProfileTiers => Set<BuyerProfileTier>();
}
