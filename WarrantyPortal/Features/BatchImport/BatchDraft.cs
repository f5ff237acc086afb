using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WarrantyPortal.Features.BatchImport;

/// <summary>
/// A user's batch in progress (terms, file name and the rows read from the file, with the plan chosen for each), kept on
/// the server so that a reload or a dropped connection does not lose a large preview. One per user.
/// </summary>
public sealed class BatchDraft
{
    public Guid Id { get; set; }

    public required string OwnerUserId { get; set; }

    /// <summary><see cref="BatchDraftContent"/> as JSON.</summary>
    public string ContentJson { get; set; } = "{}";

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>What is saved: the rows as read, not their prices (a reload checks and prices them again).</summary>
public sealed record BatchDraftContent(BatchTerms Terms, string FileName, IReadOnlyList<BatchDraftRow> Rows);

public sealed record BatchDraftRow(int Line, string Serial, string? Plan, string? Gateway, string? Chosen, ImportProblem? Problem);

public sealed class BatchDraftConfiguration : IEntityTypeConfiguration<BatchDraft>
{
    public void Configure(EntityTypeBuilder<BatchDraft> b)
    {
        b.ToTable("BatchDrafts");
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.OwnerUserId).HasMaxLength(450);
        b.HasIndex(d => d.OwnerUserId).IsUnique();
    }
}
