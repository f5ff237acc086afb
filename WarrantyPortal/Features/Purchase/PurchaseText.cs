namespace WarrantyPortal.Features.Purchase;

/// <summary>Marker for the quick-purchase feature's localised strings (PurchaseText.resx, PurchaseText.fr.resx).</summary>
public sealed class PurchaseText;
