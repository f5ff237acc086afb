namespace WarrantyPortal.Features.BatchImport;

/// <summary>Why a file, or one of its lines, cannot be used. <see cref="Message"/> is localised and says what to fix.</summary>
public sealed record ImportProblem(ImportProblemCode Code, string Message, int? LineNumber = null);

public enum ImportProblemCode
{
    // The whole file is refused: nothing from it is used.
    EmptyFile,
    FileTooLarge,
    TooManyRows,
    LegacyXls,
    PasswordProtected,
    OpenDocumentSpreadsheet,
    NotASpreadsheet,
    SuspiciousArchive,
    DamagedWorkbook,
    NoSerialColumn,
    NoRows,
    ScientificNotation,

    // One line is refused; the other lines are read.
    DuplicateSerial,
    SerialMissing,
}
