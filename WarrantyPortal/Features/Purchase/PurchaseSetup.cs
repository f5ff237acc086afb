using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Features.Purchase;

public static class PurchaseSetup
{
    /// <summary>The quick purchase: the server-side pricer orders are placed with and the form's services.</summary>
    public static IServiceCollection AddPurchase(this IServiceCollection services)
    {
        services.AddSingleton<BuyerDirectory>();
        services.AddSingleton<PurchaseQuoter>();
        services.AddSingleton<IOrderPricer, CatalogOrderPricer>();
        services.AddScoped<PurchaseService>();
        return services;
    }
}
