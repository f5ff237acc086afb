namespace WarrantyPortal.Resources;

/// <summary>Marker for the strings MudBlazor's own components show (pagers, pickers, close buttons), in every portal language.</summary>
public sealed class ComponentText;
