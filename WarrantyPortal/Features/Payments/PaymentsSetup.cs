using Microsoft.Extensions.Options;
using Stripe;
using WarrantyPortal.Features.Payments.TestCheckout;

namespace WarrantyPortal.Features.Payments;

public static class PaymentsSetup
{
    /// <summary>
    /// Payments: Stripe Checkout when Payments:Stripe:SecretKey is set, the built-in test-mode checkout otherwise.
    /// The orders feature registers its <see cref="IPaymentSettlement"/> to hear about payments.
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<PaymentOptions>(config.GetSection(PaymentOptions.Section));
        services.AddOptions<BankTransferOptions>().Bind(config.GetSection(BankTransferOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BankTransferOptions>, BankTransferOptionsValidator>();
        services.AddSingleton(sp => new WebhookSecret(sp.GetRequiredService<IOptions<PaymentOptions>>().Value));

        // Chosen when first used, from the final configuration (test hosts add settings after registration).
        services.AddSingleton<IStripeClient>(sp =>
        {
            var stripe = sp.GetRequiredService<IOptions<PaymentOptions>>().Value.Stripe;
            return new StripeClient(new StripeClientOptions
            {
                ApiKey = stripe.SecretKey,
                ApiBase = string.IsNullOrWhiteSpace(stripe.ApiBase) ? null : stripe.ApiBase,
                // Stripe.net waits 80 s by default: a customer on the pay page should hear much sooner that it is not answering.
                HttpClient = new SystemNetHttpClient(
                    new HttpClient { Timeout = TimeSpan.FromSeconds(Math.Clamp(stripe.TimeoutSeconds, 1, 80)) },
                    Math.Clamp(stripe.MaxNetworkRetries, 0, 5)),
            });
        });
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<IOptions<PaymentOptions>>().Value.StripeConfigured
            ? ActivatorUtilities.CreateInstance<StripeCheckoutGateway>(sp)
            : ActivatorUtilities.CreateInstance<TestModeGateway>(sp));

        services.AddSingleton<PaymentNotifier>();
        services.AddSingleton<PaymentMethodCatalog>();
        services.AddSingleton<PaymentEventProcessor>();
        services.AddSingleton<CheckoutService>();
        services.AddSingleton<PaymentStatusQuery>();
        services.AddSingleton<PaymentAttemptsQuery>();
        services.AddSingleton<BankTransferInstructions>();
        services.AddSingleton<TestCheckoutService>();
        services.AddHttpClient(TestCheckoutService.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<PaymentReconciliationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<PaymentReconciliationWorker>());
        return services;
    }

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder app)
    {
        var services = app.ServiceProvider;
        if (!services.GetRequiredService<IOptions<PaymentOptions>>().Value.StripeConfigured && !services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            // Test mode marks orders paid without money: say so loudly wherever it runs for real.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PaymentsSetup))
                .LogWarning("Payments run in TEST MODE: no Stripe key is configured (Payments:Stripe:SecretKey), so customers pay with test cards and no money is collected.");
        }
        // Stripe cannot send an antiforgery token; the signature check is this endpoint's protection.
        app.MapPost(StripeWebhookEndpoint.Path, StripeWebhookEndpoint.HandleAsync).DisableAntiforgery();
        return app;
    }
}
