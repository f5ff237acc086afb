namespace WarrantyPortal.Features.WarrantyCheck;

/// <summary>Marker for the warranty check's localised strings (WarrantyCheckText.resx, .fr.resx).</summary>
public sealed class WarrantyCheckText;
