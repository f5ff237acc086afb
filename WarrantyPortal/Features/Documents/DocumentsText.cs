namespace WarrantyPortal.Features.Documents;

/// <summary>Marker for the documents' localised strings (DocumentsText.resx, DocumentsText.fr.resx…).</summary>
public sealed class DocumentsText;
