using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WarrantyPortal.Data;

namespace WarrantyPortal.Features.Admin.Users;

/// <summary>
/// The customer profile (discount and quantity tiers of the catalogue) a user buys under. A user without a row buys
/// under the default profile of their role.
/// </summary>
public sealed class UserProfileAssignment
{
    public required string UserId { get; set; }
    public required string ProfileCode { get; set; }
    public DateTime AssignedAtUtc { get; set; }
}

public sealed class UserProfileAssignmentConfiguration : IEntityTypeConfiguration<UserProfileAssignment>
{
    public void Configure(EntityTypeBuilder<UserProfileAssignment> b)
    {
        b.ToTable("UserProfileAssignments");
        b.HasKey(a => a.UserId);
        b.Property(a => a.UserId).HasMaxLength(450);
        b.Property(a => a.ProfileCode).HasMaxLength(40);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
