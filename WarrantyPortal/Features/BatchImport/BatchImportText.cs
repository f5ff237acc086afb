namespace WarrantyPortal.Features.BatchImport;

/// <summary>Marker for batch import's localised strings (file problems, templates, refill workbook).</summary>
public sealed class BatchImportText;
