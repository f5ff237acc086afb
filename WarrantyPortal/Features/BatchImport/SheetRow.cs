namespace WarrantyPortal.Features.BatchImport;

/// <summary>A row of cells as read from a CSV line or a worksheet row; empty cells are empty strings.</summary>
internal readonly record struct SheetRow(int LineNumber, IReadOnlyList<string> Cells)
{
    public string Cell(int? column) => column is int c && c < Cells.Count ? Cells[c] : "";
}
