namespace WarrantyPortal.Features.BatchImport;

/// <summary>A refused row to send back to the user, with the reason shown beside it.</summary>
public sealed record RefillRow(int LineNumber, string SerialAsWritten, string? PlanCode, string? GatewaySerial, string Reason)
{
    public static RefillRow From(SerialListRow row, string reason) =>
        new(row.LineNumber, row.SerialAsWritten, row.PlanCode, row.GatewaySerial, reason);
}
