namespace WarrantyPortal.Components.Shared;

/// <summary>A unique id for an element a label or helper text points at (the light fields' inputs, a radio group's name).</summary>
public static class ElementId
{
    public static string New(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];
}
