namespace WarrantyPortal.Features.Payments;

/// <summary>Marker for the payments feature's localised strings (PaymentsText.resx, PaymentsText.fr.resx).</summary>
public sealed class PaymentsText;
