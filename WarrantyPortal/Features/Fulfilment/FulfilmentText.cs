namespace WarrantyPortal.Features.Fulfilment;

/// <summary>Marker for the fulfilment feature's localised strings (FulfilmentText.resx, FulfilmentText.fr.resx…).</summary>
public sealed class FulfilmentText;
