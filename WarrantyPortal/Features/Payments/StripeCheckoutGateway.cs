using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace WarrantyPortal.Features.Payments;

/// <summary>Stripe Checkout in payment mode: one session per attempt, created with the attempt's idempotency key.</summary>
public sealed class StripeCheckoutGateway(IStripeClient client, IOptions<PaymentOptions> options) : IPaymentGateway
{
    public const string ProviderName = "stripe";

    public string Name => ProviderName;

    public async Task<GatewaySession> CreateSessionAsync(PaymentAttempt attempt, PaymentRequest request, CancellationToken ct)
    {
        var currency = request.Currency.ToLowerInvariant();
        var metadata = new Dictionary<string, string>
        {
            ["order_reference"] = request.OrderReference,
            ["order_number"] = request.OrderNumber,
            ["attempt_id"] = attempt.Id.ToString(),
        };
        var create = new SessionCreateOptions
        {
            Mode = "payment",
            Currency = currency,
            ClientReferenceId = request.OrderReference,
            Metadata = metadata,
            SuccessUrl = attempt.SuccessUrl,
            CancelUrl = attempt.CancelUrl,
            ExpiresAt = attempt.ExpiresAtUtc,
            Locale = request.Culture.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? "fr" : "auto",
            LineItems = request.Lines.Select(l => new SessionLineItemOptions
            {
                Quantity = l.Quantity,
                PriceData = new SessionLineItemPriceDataOptions
                {
                    Currency = currency,
                    UnitAmount = l.UnitAmountMinor,
                    ProductData = new SessionLineItemPriceDataProductDataOptions { Name = l.Name },
                },
            }).ToList(),
            PaymentIntentData = new SessionPaymentIntentDataOptions
            {
                Description = $"Order {request.OrderNumber}",
                Metadata = new Dictionary<string, string>(metadata),
            },
            // API 2026-09-30.endive replaced payment_method_types with this filter.
            AllowedPaymentMethodTypes = [MethodType(attempt.Method)],
        };
        var requestOptions = new RequestOptions { IdempotencyKey = attempt.IdempotencyKey };

        if (attempt.Method == PaymentMethodKind.EuBankTransfer)
        {
            // A bank transfer pays into the customer's balance: Stripe needs a Customer to give it a virtual IBAN.
            var customer = await new CustomerService(client).CreateAsync(new CustomerCreateOptions
            {
                Email = request.CustomerEmail,
                Name = request.CustomerName,
                Metadata = new Dictionary<string, string> { ["order_reference"] = request.OrderReference },
            }, new RequestOptions { IdempotencyKey = attempt.IdempotencyKey + "-customer" }, ct);
            create.Customer = customer.Id;
            var country = request.Country is not null && PaymentMethodCatalog.EuBankTransferCountries.Contains(request.Country)
                ? request.Country.ToUpperInvariant()
                : options.Value.Stripe.EuBankTransferCountry;
            create.PaymentMethodOptions = new SessionPaymentMethodOptionsOptions
            {
                CustomerBalance = new SessionPaymentMethodOptionsCustomerBalanceOptions
                {
                    FundingType = "bank_transfer",
                    BankTransfer = new SessionPaymentMethodOptionsCustomerBalanceBankTransferOptions
                    {
                        Type = "eu_bank_transfer",
                        EuBankTransfer = new SessionPaymentMethodOptionsCustomerBalanceBankTransferEuBankTransferOptions { Country = country },
                    },
                },
            };
        }
        else
        {
            create.CustomerEmail = request.CustomerEmail;
            if (attempt.Method == PaymentMethodKind.Card && request.SaveCard)
            {
                create.PaymentIntentData.SetupFutureUsage = "off_session";
            }
        }

        var session = await new SessionService(client).CreateAsync(create, requestOptions, ct);
        return new GatewaySession(session.Id, session.Url, DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc));
    }

    public async Task<CheckoutSessionSnapshot?> GetSessionAsync(PaymentAttempt attempt, CancellationToken ct)
    {
        if (attempt.ProviderSessionId is null) return null;
        var session = await new SessionService(client).GetAsync(attempt.ProviderSessionId, null, null, ct);
        return Snapshot(session);
    }

    public async Task<CheckoutSessionSnapshot?> ExpireSessionAsync(PaymentAttempt attempt, CancellationToken ct)
    {
        if (attempt.ProviderSessionId is null) return null;
        var session = await new SessionService(client).ExpireAsync(attempt.ProviderSessionId, null, null, ct);
        return Snapshot(session);
    }

    public static CheckoutSessionSnapshot Snapshot(Session s) =>
        new(s.Id, s.Status ?? "open", s.PaymentStatus ?? "unpaid", s.AmountTotal, s.Currency, s.PaymentIntentId);

    private static string MethodType(PaymentMethodKind method) => method switch
    {
        PaymentMethodKind.Card => "card",
        PaymentMethodKind.Alipay => "alipay",
        PaymentMethodKind.EuBankTransfer => "customer_balance",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "A wire transfer has no checkout session."),
    };
}
