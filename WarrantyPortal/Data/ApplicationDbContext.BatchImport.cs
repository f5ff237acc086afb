using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Features.BatchImport;

namespace WarrantyPortal.Data;

public partial class ApplicationDbContext
{
    public DbSet<BatchDraft> BatchDrafts => Set<BatchDraft>();
}
