using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Domain.Catalog;

public enum WindowAnchor
{
    /// <summary>Within N months of the production date.</summary>
    ProductionDate,

    /// <summary>Within N months of commissioning (the production date when it was never commissioned).</summary>
    CommissioningDate,

    /// <summary>While at least N months of the base warranty are left.</summary>
    BeforeBaseWarrantyEnd,
}

/// <summary>How long after a device starts its life an extension may still be bought.</summary>
public sealed record ExtensionWindow(WindowAnchor Anchor, int Months)
{
    public DateOnly LastDay(DeviceRecord device) => Anchor switch
    {
        WindowAnchor.ProductionDate => device.ProductionDate.AddMonths(Months),
        WindowAnchor.CommissioningDate => (device.CommissioningDate ?? device.ProductionDate).AddMonths(Months),
        _ => device.BaseWarrantyEnd.AddMonths(-Months),
    };
}

/// <summary>The manufacturer's rules for a product family: the extension window and the longest total warranty.</summary>
public sealed record FamilyPolicy(ProductFamily Family, ExtensionWindow Window, int LongestTotalYears)
{
    public static readonly IReadOnlyDictionary<ProductFamily, FamilyPolicy> Defaults = new Dictionary<ProductFamily, FamilyPolicy>
    {
        [ProductFamily.MicroInverter] = new(ProductFamily.MicroInverter, new(WindowAnchor.CommissioningDate, 24), 25),
        [ProductFamily.StringInverter] = new(ProductFamily.StringInverter, new(WindowAnchor.CommissioningDate, 12), 20),
        [ProductFamily.HybridInverter] = new(ProductFamily.HybridInverter, new(WindowAnchor.ProductionDate, 30), 20),
        [ProductFamily.Battery] = new(ProductFamily.Battery, new(WindowAnchor.CommissioningDate, 6), 15),
        [ProductFamily.MonitoringGateway] = new(ProductFamily.MonitoringGateway, new(WindowAnchor.BeforeBaseWarrantyEnd, 12), 10),
    };

    public static FamilyPolicy For(ProductFamily family) => Defaults[family];
}
