using WarrantyPortal.Features.Payments;

namespace WarrantyPortal.Tests.Features.Payments;

public sealed class StripeCheckoutTests(StripePaymentsFixture fx) : IClassFixture<StripePaymentsFixture>
{
    [Fact]
    public async Task StartAsync_Card_CreatesCheckoutSessionWithOrderLinesMetadataAndIdempotencyKey()
    {
        var request = StripePaymentsFixture.Request();

        var start = await fx.StartAsync(request);

        var attempt = fx.Attempt(start.AttemptId);
        Assert.Equal("stripe", attempt.Provider);
        var call = Assert.Single(fx.Stripe.SessionCreations, r => r.Form.GetValueOrDefault("client_reference_id") == request.OrderReference);
        var f = call.Form;
        Assert.Equal("payment", f["mode"]);
        Assert.Equal("eur", f["currency"]);
        Assert.Equal("QT2D extended warranty, 10 years", f["line_items[0][price_data][product_data][name]"]);
        Assert.Equal("2400", f["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("3", f["line_items[0][quantity]"]);
        Assert.Equal("eur", f["line_items[0][price_data][currency]"]);
        Assert.Equal("1500", f["line_items[1][price_data][unit_amount]"]);
        Assert.Equal(request.OrderReference, f["metadata[order_reference]"]);
        Assert.Equal(request.OrderNumber, f["metadata[order_number]"]);
        Assert.Equal(start.AttemptId.ToString(), f["metadata[attempt_id]"]);
        Assert.Equal(request.OrderReference, f["payment_intent_data[metadata][order_reference]"]);
        Assert.Equal("ana.martin@example.com", f["customer_email"]);
        Assert.Equal($"{fx.App.BaseUrl}/orders/{request.OrderReference}/paid", f["success_url"]);
        Assert.Equal($"{fx.App.BaseUrl}/orders/{request.OrderReference}/pay", f["cancel_url"]);
        Assert.Equal("card", f["allowed_payment_method_types[0]"]);
        Assert.False(f.ContainsKey("payment_intent_data[setup_future_usage]"));
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(f["expires_at"]));
        Assert.InRange(expiresAt, DateTimeOffset.UtcNow.AddMinutes(30), DateTimeOffset.UtcNow.AddHours(24));
        Assert.Equal(attempt.IdempotencyKey, call.IdempotencyKey);
        Assert.Equal("Bearer sk_test_fake_portal", call.Authorization);
        Assert.Equal("https://checkout.stripe.com/c/pay/" + attempt.ProviderSessionId, start.RedirectUrl);
        Assert.Equal(PaymentAttemptStatus.Open, attempt.Status);
        Assert.Equal(8700, attempt.AmountMinor);
    }

    [Fact]
    public async Task StartAsync_PaymentPageOpenedTwice_ReusesTheOpenSession()
    {
        var request = StripePaymentsFixture.Request();

        var first = await fx.StartAsync(request);
        var second = await fx.StartAsync(request);

        Assert.Equal(first.AttemptId, second.AttemptId);
        Assert.Equal(first.RedirectUrl, second.RedirectUrl);
        Assert.True(second.Reused);
        Assert.Single(fx.Stripe.SessionCreations, r => r.Form.GetValueOrDefault("client_reference_id") == request.OrderReference);
    }

    [Fact]
    public async Task StartAsync_OtherMethodAfterCard_ClosesTheCardSessionSoOnlyOneCanBePaid()
    {
        var request = StripePaymentsFixture.Request("CNY", country: "CN");
        var card = await fx.StartAsync(request);

        var alipay = await fx.StartAsync(request, PaymentMethodKind.Alipay);

        Assert.NotEqual(card.AttemptId, alipay.AttemptId);
        var alipayCall = fx.Stripe.SessionCreations.Last(r => r.Form.GetValueOrDefault("client_reference_id") == request.OrderReference);
        Assert.Equal("alipay", alipayCall.Form["allowed_payment_method_types[0]"]);
        Assert.Equal("cny", alipayCall.Form["currency"]);
        Assert.NotEqual(fx.Attempt(card.AttemptId).IdempotencyKey, alipayCall.IdempotencyKey);
        Assert.Equal("expired", (string?)fx.Stripe.Session(fx.Attempt(card.AttemptId).ProviderSessionId!)["status"]);
        Assert.Equal(PaymentAttemptStatus.Expired, fx.Attempt(card.AttemptId).Status);
        Assert.Equal(PaymentAttemptStatus.Open, fx.Attempt(alipay.AttemptId).Status);
    }

    [Fact]
    public async Task StartAsync_SaveCardChosen_AsksStripeToKeepTheCardForLater()
    {
        var start = await fx.StartAsync(StripePaymentsFixture.Request(saveCard: true));

        var call = fx.Stripe.SessionCreations.Single(r => r.Form.GetValueOrDefault("metadata[attempt_id]") == start.AttemptId.ToString());
        Assert.Equal("off_session", call.Form["payment_intent_data[setup_future_usage]"]);
    }

    [Fact]
    public async Task StartAsync_EuBankTransfer_CreatesCustomerAndAsksForAVirtualIban()
    {
        var request = StripePaymentsFixture.Request(country: "DE");

        var start = await fx.StartAsync(request, PaymentMethodKind.EuBankTransfer);

        var customer = fx.Stripe.Requests.Single(r => r.Path == "/v1/customers" && r.Form.GetValueOrDefault("metadata[order_reference]") == request.OrderReference);
        Assert.Equal("ana.martin@example.com", customer.Form["email"]);
        var call = fx.Stripe.SessionCreations.Single(r => r.Form.GetValueOrDefault("metadata[attempt_id]") == start.AttemptId.ToString());
        Assert.Equal("customer_balance", call.Form["allowed_payment_method_types[0]"]);
        Assert.StartsWith("cus_", call.Form["customer"]);
        Assert.False(call.Form.ContainsKey("customer_email"));
        Assert.Equal("bank_transfer", call.Form["payment_method_options[customer_balance][funding_type]"]);
        Assert.Equal("eu_bank_transfer", call.Form["payment_method_options[customer_balance][bank_transfer][type]"]);
        Assert.Equal("DE", call.Form["payment_method_options[customer_balance][bank_transfer][eu_bank_transfer][country]"]);
    }

    [Fact]
    public async Task StartAsync_AlipayInCurrencyItDoesNotTake_RefusedWithReason()
    {
        var request = StripePaymentsFixture.Request("CHF", country: "CH");

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => fx.StartAsync(request, PaymentMethodKind.Alipay));

        Assert.Contains("CHF", ex.Message);
    }

    [Fact]
    public async Task StartAsync_LinesNotAddingUpToTotal_RefusedBeforeCallingStripe()
    {
        var request = StripePaymentsFixture.Request() with { Total = new WarrantyPortal.Domain.Money(9999, "EUR") };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => fx.StartAsync(request));

        Assert.Contains("add up to", ex.Message);
        Assert.DoesNotContain(fx.Stripe.SessionCreations, r => r.Form.GetValueOrDefault("client_reference_id") == request.OrderReference);
    }

    [Fact]
    public async Task StartAsync_StripeUnreachable_FriendlyErrorAndNextVisitStartsAFreshAttempt()
    {
        var request = StripePaymentsFixture.Request();
        fx.Stripe.Down = true;
        try
        {
            var ex = await Assert.ThrowsAsync<PaymentUnavailableException>(() => fx.StartAsync(request));
            Assert.Contains("Nothing was charged", ex.Message);
        }
        finally
        {
            fx.Stripe.Down = false;
        }

        var retry = await fx.StartAsync(request);

        Assert.False(retry.Reused);
        Assert.StartsWith("https://checkout.stripe.com/", retry.RedirectUrl);
    }
}
