namespace WarrantyPortal.Resources;

/// <summary>Marker for the shell's localised strings (navigation, common buttons, footer).</summary>
public sealed class SharedResource;
