using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Features.Registry;

namespace WarrantyPortal.Data;

public partial class ApplicationDbContext
{
    public DbSet<Device> Devices => Set<Device>();

    public DbSet<DeviceExtension> DeviceExtensions => Set<DeviceExtension>();
}
