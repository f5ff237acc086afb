using WarrantyPortal.Domain;
using WarrantyPortal.Features.Catalog;

namespace WarrantyPortal.Features.BatchImport;

/// <summary>Who buys, where, in what currency: the terms every row of a batch is checked and priced with.</summary>
public sealed record BatchTerms(string Country, string Currency, string? TaxId, string ProfileCode);

public enum BatchRowStatus
{
    Ok,
    Refused,
    Duplicate,
}

/// <summary>
/// One line of the uploaded file as checked: the device and its warranty, the plans it may have, the chosen plan and
/// its price, or why the line cannot be ordered (<see cref="Message"/>).
/// </summary>
public sealed record BatchPreviewRow(
    int LineNumber,
    string SerialAsWritten,
    string? NormalisedSerial,
    string? Model,
    string? ProductName,
    DateOnly? WarrantyStart,
    DateOnly? WarrantyEnd,
    string? RequestedPlan,
    string? GatewaySerial,
    IReadOnlyList<PlanOffer> Offers,
    PlanOffer? Chosen,
    BatchRowStatus Status,
    string? Message)
{
    public bool IsOk => Status == BatchRowStatus.Ok;

    /// <summary>The warranty end with the chosen plan, else the current end.</summary>
    public DateOnly? EndWithPlan => Chosen?.NewEnd ?? WarrantyEnd;
}

/// <summary>A checked file: its rows in file order and what they add up to.</summary>
public sealed record BatchPreview(BatchTerms Terms, string FileName, IReadOnlyList<BatchPreviewRow> Rows)
{
    public int OkCount => Rows.Count(r => r.IsOk);

    public int RefusedCount => Rows.Count(r => r.Status == BatchRowStatus.Refused);

    public int DuplicateCount => Rows.Count(r => r.Status == BatchRowStatus.Duplicate);

    /// <summary>Rows that stop the order until they are removed or corrected.</summary>
    public bool HasBlockingRows => Rows.Any(r => !r.IsOk);

    /// <summary>The sum of the accepted rows' prices as the buyer sees them (with VAT for consumers, net for businesses).</summary>
    public Money Total => Rows.Where(r => r.IsOk).Aggregate(Money.Zero(Terms.Currency), (sum, r) => sum + r.Chosen!.DisplayedPrice);

    /// <summary>The plan codes offered on at least one accepted row, for "choose a plan for all rows".</summary>
    public IReadOnlyList<string> OfferedPlanCodes => Rows.Where(r => r.IsOk).SelectMany(r => r.Offers).Select(o => o.PlanCode)
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
