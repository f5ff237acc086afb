using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Features.BatchImport;

/// <summary>
/// Keeps a user's batch on the server between visits, and hands the accepted rows to the purchase draft, where the
/// order's review and submit take over.
/// </summary>
public sealed class BatchDraftStore(IDbContextFactory<ApplicationDbContext> factory, PurchaseDraftService purchaseDrafts, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveAsync(string userId, BatchPreview preview, CancellationToken ct = default)
    {
        var content = new BatchDraftContent(preview.Terms, preview.FileName, preview.Rows
            .Select(r => new BatchDraftRow(r.LineNumber, r.SerialAsWritten, r.RequestedPlan, r.GatewaySerial, r.Chosen?.PlanCode,
                r.Status == BatchRowStatus.Ok || r.Message is null ? null
                    : new ImportProblem(r.Status == BatchRowStatus.Duplicate ? ImportProblemCode.DuplicateSerial : ImportProblemCode.SerialMissing, r.Message, r.LineNumber)))
            .ToList());
        var json = JsonSerializer.Serialize(content, Json);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            var draft = await db.BatchDrafts.SingleOrDefaultAsync(d => d.OwnerUserId == userId, ct);
            if (draft is null)
            {
                draft = new BatchDraft { Id = Guid.CreateVersion7(), OwnerUserId = userId };
                db.BatchDrafts.Add(draft);
            }
            draft.ContentJson = json;
            draft.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another tab of the same user saved first: save over it.
            }
        }
    }

    public async Task<BatchDraftContent?> LoadAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var json = await db.BatchDrafts.Where(d => d.OwnerUserId == userId).Select(d => d.ContentJson).SingleOrDefaultAsync(ct);
        return json is null ? null : JsonSerializer.Deserialize<BatchDraftContent>(json, Json);
    }

    public async Task DeleteAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.BatchDrafts.Where(d => d.OwnerUserId == userId).ExecuteDeleteAsync(ct);
    }

    /// <summary>Rows as the reader gave them, to check and price again.</summary>
    public static IReadOnlyList<SerialListRow> RowsOf(BatchDraftContent content) => content.Rows
        .Select(r => new SerialListRow(r.Line, r.Serial, r.Plan, r.Gateway) { Problem = r.Problem }).ToList();

    public static IReadOnlyDictionary<int, string> ChoicesOf(BatchDraftContent content) => content.Rows
        .Where(r => r.Chosen is not null).ToDictionary(r => r.Line, r => r.Chosen!);

    /// <summary>
    /// The accepted rows become the purchase draft's lines (replacing the lines it had), with the batch's country,
    /// currency and tax ID; the buyer's other details in the draft are kept.
    /// </summary>
    public async Task ToPurchaseDraftAsync(string userId, BatchPreview preview, CancellationToken ct = default)
    {
        if (preview.HasBlockingRows || preview.OkCount == 0)
        {
            throw new InvalidOperationException("Only a batch whose rows are all accepted can become an order.");
        }
        var owner = DraftOwner.User(userId);
        var current = await purchaseDrafts.LoadAsync(owner, ct) ?? new PurchaseDraftContent();
        var taxId = string.IsNullOrWhiteSpace(preview.Terms.TaxId) ? current.TaxId : preview.Terms.TaxId.Trim();
        await purchaseDrafts.SaveAsync(owner, current with
        {
            Country = preview.Terms.Country,
            Currency = preview.Terms.Currency,
            TaxId = taxId,
            PayerKind = string.IsNullOrWhiteSpace(taxId) ? current.PayerKind : WarrantyPortal.Domain.Orders.PayerKind.Company,
            Lines = preview.Rows.Where(r => r.IsOk).Select(r => new PurchaseDraftLine(r.NormalisedSerial!, r.Chosen!.PlanCode)).ToList(),
        }, ct);
    }
}
