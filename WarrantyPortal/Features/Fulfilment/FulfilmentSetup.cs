namespace WarrantyPortal.Features.Fulfilment;

public static class FulfilmentSetup
{
    /// <summary>Certificates, invoices, coverage written back to the registry, and the worker that does it for paid orders.</summary>
    public static IServiceCollection AddFulfilment(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<FulfilmentOptions>(config.GetSection(FulfilmentOptions.Section));
        services.AddSingleton<FulfilmentSignal>();
        services.AddSingleton<FulfilmentEmails>();
        services.AddSingleton<FulfilmentService>();
        services.AddSingleton<FulfilmentWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<FulfilmentWorker>());
        services.AddSingleton<OrderDocuments>();
        services.AddSingleton<InvoiceService>();
        services.AddSingleton<CertificateVerification>();
        services.AddSingleton<MyDevicesQuery>();
        return services;
    }

    public static IEndpointRouteBuilder MapFulfilment(this IEndpointRouteBuilder app) => app.MapFulfilmentEndpoints();
}
