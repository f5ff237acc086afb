namespace WarrantyPortal.Features.Catalog;

/// <summary>Marker for the catalogue back office's localised strings (CatalogText.resx, .fr.resx).</summary>
public sealed class CatalogText;
