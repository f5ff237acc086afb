namespace WarrantyPortal.Features.BatchImport;

/// <summary>
/// One line of an uploaded serial list, as the user wrote it. <see cref="LineNumber"/> is the spreadsheet row
/// (or the CSV line) the user sees; <see cref="Problem"/> is set when the line cannot be ordered as it is
/// (a duplicate of an earlier line, or no serial number).
/// </summary>
public sealed record SerialListRow(int LineNumber, string SerialAsWritten, string? PlanCode, string? GatewaySerial)
{
    /// <summary>The serial with the registry's normalisation applied (trimmed, upper case, no spaces or dashes).</summary>
    public string NormalisedSerial { get; init; } = SerialKey.Normalise(SerialAsWritten);

    public ImportProblem? Problem { get; init; }

    public bool IsDuplicate => Problem?.Code == ImportProblemCode.DuplicateSerial;
}
