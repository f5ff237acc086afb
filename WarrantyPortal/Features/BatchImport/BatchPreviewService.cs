using Microsoft.Extensions.Localization;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Eligibility;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Features.BatchImport;

/// <summary>
/// The validate and preview stages of a batch import: checks the rows a file gave against the registry and catalogue
/// in batches of <see cref="ChunkSize"/>, picks each row's plan and prices the accepted rows with the quantity tier of
/// their count. Touches no database of its own; saving is <see cref="BatchDraftStore"/>'s.
/// </summary>
public sealed class BatchPreviewService(
    EligibilityService eligibility,
    CatalogQuery catalog,
    IStringLocalizer<BatchImportText> text,
    IStringLocalizer<EligibilityText> eligibilityText)
{
    public const int ChunkSize = 2_000;

    /// <summary>
    /// Checks and prices <paramref name="rows"/>. <paramref name="progress"/> receives the share checked, 0 to 1.
    /// A row's plan is the one its Plan column names, else the first plan <paramref name="planForAll"/> names that the
    /// device may have, else its first offer.
    /// </summary>
    public async Task<BatchPreview> BuildAsync(BatchTerms terms, string fileName, IReadOnlyList<SerialListRow> rows,
        IProgress<double>? progress = null, CancellationToken ct = default, string? planForAll = null)
    {
        var candidates = rows.Where(r => r.Problem is null).ToList();
        var quotes = await QuoteAsync(terms, candidates.Select(r => r.SerialAsWritten).ToList(), candidates.Count, progress, ct);
        var accepted = candidates.Where((r, i) => Choose(r, quotes[i], planForAll) is not null).Count();
        var profile = await catalog.ProfileAsync(terms.ProfileCode, ct);
        if (accepted > 0 && profile.TierFor(accepted) != profile.TierFor(candidates.Count))
        {
            // Refused rows changed the quantity tier: the accepted rows are priced again at their own count.
            quotes = await QuoteAsync(terms, candidates.Select(r => r.SerialAsWritten).ToList(), accepted, null, ct);
        }

        var byLine = new Dictionary<int, DeviceQuote>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++) byLine[candidates[i].LineNumber] = quotes[i];
        var result = rows.Select(r => r.Problem is { } problem
                ? Problem(r, problem)
                : Row(r, byLine[r.LineNumber], planForAll))
            .ToList();
        return new BatchPreview(terms, fileName, result);
    }

    /// <summary>The same preview with <paramref name="planCode"/> on the given line, when that device may have it.</summary>
    public static BatchPreview ChoosePlan(BatchPreview preview, int lineNumber, string planCode) => preview with
    {
        Rows = preview.Rows.Select(r => r.LineNumber == lineNumber && r.Offers.FirstOrDefault(o => o.PlanCode == planCode) is { } offer
            ? r with { Chosen = offer } : r).ToList(),
    };

    /// <summary>
    /// The accepted rows of the current list followed by the rows of another file (such as a corrected refill),
    /// numbered on after the last line so every line keeps its own number. A device already in the list is a duplicate.
    /// </summary>
    public IReadOnlyList<SerialListRow> Append(BatchPreview current, IReadOnlyList<SerialListRow> rows, IReadOnlyList<SerialListRow> added)
    {
        var accepted = current.Rows.Where(r => r.IsOk).Select(r => r.LineNumber).ToHashSet();
        var kept = rows.Where(r => accepted.Contains(r.LineNumber)).ToList();
        var firstLineOf = kept.GroupBy(r => r.NormalisedSerial).ToDictionary(g => g.Key, g => g.First().LineNumber);
        var offset = rows.Count == 0 ? 0 : rows.Max(r => r.LineNumber);
        foreach (var row in added)
        {
            var line = row with { LineNumber = row.LineNumber + offset };
            if (line.Problem is { Code: ImportProblemCode.DuplicateSerial } || (line.Problem is null && line.NormalisedSerial.Length > 0
                && !firstLineOf.TryAdd(line.NormalisedSerial, line.LineNumber)))
            {
                var first = firstLineOf.GetValueOrDefault(line.NormalisedSerial, line.LineNumber);
                line = line with { Problem = new ImportProblem(ImportProblemCode.DuplicateSerial, text["DuplicateSerial", row.SerialAsWritten, first], line.LineNumber) };
            }
            kept.Add(line);
        }
        return kept;
    }

    /// <summary>The plans chosen earlier (by line number), where each device may still have them.</summary>
    public static BatchPreview ApplyChoices(BatchPreview preview, IReadOnlyDictionary<int, string> choices) => preview with
    {
        Rows = preview.Rows.Select(r => r.IsOk && choices.TryGetValue(r.LineNumber, out var code)
            && r.Offers.FirstOrDefault(o => o.PlanCode == code) is { } offer ? r with { Chosen = offer } : r).ToList(),
    };

    /// <summary>Every accepted row that may have <paramref name="planCode"/> gets it; the others keep theirs.</summary>
    public static BatchPreview ChoosePlanForAll(BatchPreview preview, string planCode) => preview with
    {
        Rows = preview.Rows.Select(r => r.IsOk && r.Offers.FirstOrDefault(o => o.PlanCode == planCode) is { } offer
            ? r with { Chosen = offer } : r).ToList(),
    };

    /// <summary>The preview without the refused and duplicate rows: what the order will hold.</summary>
    public static BatchPreview RemoveRefused(BatchPreview preview) => preview with { Rows = preview.Rows.Where(r => r.IsOk).ToList() };

    /// <summary>The refused and duplicate rows, with their reasons, for the refill workbook.</summary>
    public static IReadOnlyList<RefillRow> RefillRows(BatchPreview preview) => preview.Rows.Where(r => !r.IsOk)
        .Select(r => new RefillRow(r.LineNumber, r.SerialAsWritten, r.RequestedPlan, r.GatewaySerial, r.Message ?? "")).ToList();

    /// <summary>The accepted rows as order lines, net prices and VAT rate as the order keeps them.</summary>
    public static IReadOnlyList<PricedLine> ToOrderLines(BatchPreview preview) => preview.Rows.Where(r => r.IsOk)
        .Select(r => new PricedLine(r.NormalisedSerial!, r.Model!, r.ProductName!, r.Chosen!.PlanCode, r.Chosen.Name,
            r.Chosen.ListNet.Minor, r.Chosen.UnitNet.Minor, (int)Math.Round(r.Chosen.Tax.Rate * 10_000m, MidpointRounding.AwayFromZero)))
        .ToList();

    public static QuoteRequest Request(BatchTerms terms, int quantity)
    {
        var vat = VatNumber.TryParse(terms.TaxId, out var parsed) ? parsed : null;
        var buyer = string.IsNullOrWhiteSpace(terms.TaxId) ? BuyerKind.Consumer : BuyerKind.Business;
        return new QuoteRequest(terms.Country, terms.Currency, terms.ProfileCode, buyer, vat, Math.Max(1, quantity));
    }

    private async Task<IReadOnlyList<DeviceQuote>> QuoteAsync(BatchTerms terms, IReadOnlyList<string> serials, int quantity,
        IProgress<double>? progress, CancellationToken ct)
    {
        var request = Request(terms, quantity);
        var quotes = new List<DeviceQuote>(serials.Count);
        for (var start = 0; start < serials.Count; start += ChunkSize)
        {
            ct.ThrowIfCancellationRequested();
            var chunk = serials.Skip(start).Take(ChunkSize).ToList();
            quotes.AddRange(await eligibility.QuoteManyAsync(chunk, request, ct));
            progress?.Report((double)quotes.Count / serials.Count);
        }
        progress?.Report(1);
        return quotes;
    }

    private static PlanOffer? Choose(SerialListRow row, DeviceQuote quote, string? planForAll)
    {
        if (quote.Offers.Count == 0) return null;
        if (row.PlanCode is { } requested)
        {
            return quote.Offers.FirstOrDefault(o => string.Equals(o.PlanCode, requested.Trim(), StringComparison.OrdinalIgnoreCase));
        }
        return quote.Offers.FirstOrDefault(o => o.PlanCode == planForAll) ?? quote.Offers[0];
    }

    private BatchPreviewRow Row(SerialListRow row, DeviceQuote quote, string? planForAll)
    {
        var device = quote.Device;
        var chosen = Choose(row, quote, planForAll);
        var message = quote.RefusalMessage;
        if (chosen is null && message is null)
        {
            message = text["Preview_PlanNotOffered", row.PlanCode ?? "", string.Join(", ", quote.Offers.Select(o => o.PlanCode))];
        }
        return new BatchPreviewRow(row.LineNumber, row.SerialAsWritten, quote.SerialNumber ?? row.NormalisedSerial, device?.Model,
            device is null ? null : $"{device.Model} · {eligibilityText.FamilyName(device.Family)}",
            device?.BaseWarrantyStart, device?.CoverageEnd, row.PlanCode, row.GatewaySerial, quote.Offers, chosen,
            chosen is null ? BatchRowStatus.Refused : BatchRowStatus.Ok, chosen is null ? message : null);
    }

    private static BatchPreviewRow Problem(SerialListRow row, ImportProblem problem) =>
        new(row.LineNumber, row.SerialAsWritten, row.NormalisedSerial.Length == 0 ? null : row.NormalisedSerial, null, null, null, null,
            row.PlanCode, row.GatewaySerial, [], null,
            problem.Code == ImportProblemCode.DuplicateSerial ? BatchRowStatus.Duplicate : BatchRowStatus.Refused, problem.Message);
}
