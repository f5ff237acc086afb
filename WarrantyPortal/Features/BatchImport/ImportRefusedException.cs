namespace WarrantyPortal.Features.BatchImport;

/// <summary>Raised inside the readers to stop at the first file-level problem; turned into an <see cref="ImportProblem"/>.</summary>
internal sealed class ImportRefusedException(ImportProblemCode code, int? lineNumber = null, params object[] args)
    : Exception(code.ToString())
{
    public ImportProblemCode Code { get; } = code;

    public int? LineNumber { get; } = lineNumber;

    public object[] Args { get; } = args;

    /// <summary>A more specific text than the code's own, where the advice depends on the file type.</summary>
    public string? MessageKey { get; init; }
}
