namespace WarrantyPortal.Features.BatchImport;

/// <summary>
/// What an uploaded serial list may cost us. The defaults are the product's published limits
/// (20 MB, 100,000 rows); the workbook limits keep a crafted archive from filling memory.
/// </summary>
public sealed record SerialListLimits
{
    public static SerialListLimits Default { get; } = new();

    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    public int MaxRows { get; init; } = 100_000;

    /// <summary>Bytes a workbook may inflate to, all parts together, declared or actually read.</summary>
    public long MaxInflatedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>The shared strings table is held in memory while the sheet is read, so it gets its own cap.</summary>
    public long MaxSharedStringsBytes { get; init; } = 48L * 1024 * 1024;

    /// <summary>Spreadsheet XML compresses 5 to 30 times; a bomb compresses hundreds of times.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    public int MaxZipEntries { get; init; } = 2_000;

    /// <summary>Rows searched for the header before a sheet (or CSV file) is given up on.</summary>
    public int HeaderSearchRows { get; init; } = 50;
}
