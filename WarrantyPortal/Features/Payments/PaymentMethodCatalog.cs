using Microsoft.Extensions.Options;

namespace WarrantyPortal.Features.Payments;

/// <summary>Which payment methods fit an order's currency and country.</summary>
public sealed class PaymentMethodCatalog(IOptions<PaymentOptions> payments, IOptions<BankTransferOptions> bank)
{
    /// <summary>Alipay presentment currencies through Stripe Checkout.</summary>
    public static readonly IReadOnlySet<string> AlipayCurrencies =
        new HashSet<string>(["AUD", "CAD", "CNY", "EUR", "GBP", "HKD", "JPY", "NZD", "SGD", "USD", "MYR"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Countries Stripe issues EU virtual IBANs in.</summary>
    public static readonly IReadOnlySet<string> EuBankTransferCountries =
        new HashSet<string>(["BE", "DE", "ES", "FR", "IE", "NL"], StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<PaymentMethodKind> For(string currency, string? country)
    {
        var methods = new List<PaymentMethodKind> { PaymentMethodKind.Card };
        if (AlipayCurrencies.Contains(currency)) methods.Add(PaymentMethodKind.Alipay);
        if (payments.Value.StripeConfigured && string.Equals(currency, "EUR", StringComparison.OrdinalIgnoreCase)) methods.Add(PaymentMethodKind.EuBankTransfer);
        if (bank.Value.IsConfigured) methods.Add(PaymentMethodKind.WireTransfer);
        return methods;
    }

    public bool Allows(PaymentMethodKind method, string currency, string? country) => For(currency, country).Contains(method);
}
