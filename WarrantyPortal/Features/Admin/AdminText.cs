namespace WarrantyPortal.Features.Admin;

/// <summary>Marker for the back office's localised strings: what it sends to customers (AdminText.resx, AdminText.fr.resx).</summary>
public sealed class AdminText;
