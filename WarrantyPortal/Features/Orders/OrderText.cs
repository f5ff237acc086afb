namespace WarrantyPortal.Features.Orders;

/// <summary>Marker for the order feature's localised strings (OrderText.resx, OrderText.fr.resx…).</summary>
public sealed class OrderText;
