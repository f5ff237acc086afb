using Microsoft.Extensions.DependencyInjection.Extensions;
using WarrantyPortal.Data;
using WarrantyPortal.Features.Catalog;

namespace WarrantyPortal.Features.Orders;

public static class OrdersSetup
{
    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddSingleton<OrderChangeNotifier>();
        services.AddSingleton<OrderNumberAllocator>();
        services.AddSingleton<OrderEmails>();
        services.AddScoped<OrderQuery>();
        services.AddScoped<OrderPaymentService>();
        services.AddSingleton<OrderPaymentLinks>();
        services.AddSingleton<GuestOrderLookup>();
        services.AddSingleton<TransferFollowUps>();
        services.AddSingleton<TransferFollowUpSignal>();
        services.AddHostedService<TransferFollowUpWorker>();
        services.AddScoped<WarrantyPortal.Features.Payments.IPaymentSettlement, OrderPaymentSettlement>();
        services.AddScoped<CustomerOrderService>();
        services.AddScoped<PurchaseDraftService>();
        // Eligibility asks which devices already sit in an open order; the orders know.
        services.Replace(ServiceDescriptor.Singleton<IOpenOrderLookup, OpenOrderLookup>());
        // The pricer is registered by the catalogue feature; a factory keeps start-up validation from requiring it
        // before the order can actually be submitted.
        services.AddScoped(sp => ActivatorUtilities.CreateInstance<OrderSubmissionService>(sp));
        services.AddScoped<IDemoSeeder, OrdersDemoSeeder>();
        return services;
    }
}
