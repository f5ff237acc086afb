namespace WarrantyPortal.Features.BatchImport;

public enum SerialListFormat
{
    Unknown,
    Xlsx,
    Csv,
}

/// <summary>
/// What <see cref="SerialListReader"/> made of a file. When <see cref="Error"/> is set the file was refused
/// as a whole and <see cref="Rows"/> is empty; otherwise every non-blank line is in <see cref="Rows"/>,
/// with a <see cref="SerialListRow.Problem"/> on duplicates and lines without a serial number.
/// </summary>
public sealed record SerialListReadResult
{
    public IReadOnlyList<SerialListRow> Rows { get; init; } = [];

    public ImportProblem? Error { get; init; }

    public bool Succeeded => Error is null;

    public SerialListFormat Format { get; init; }

    /// <summary>The worksheet the rows came from (XLSX only).</summary>
    public string? SheetName { get; init; }

    public bool HasPlanColumn { get; init; }

    public bool HasGatewayColumn { get; init; }

    public int DuplicateCount => Rows.Count(r => r.IsDuplicate);

    public int ProblemCount => Rows.Count(r => r.Problem is not null);
}
