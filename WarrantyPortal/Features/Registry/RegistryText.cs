namespace WarrantyPortal.Features.Registry;

/// <summary>Marker for the registry back office's localised strings (RegistryText.resx, .fr.resx).</summary>
public sealed class RegistryText;
