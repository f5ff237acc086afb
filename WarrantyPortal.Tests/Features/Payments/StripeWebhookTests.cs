using System.Net;
using System.Text.Json.Nodes;
using WarrantyPortal.Domain;
using WarrantyPortal.Features.Payments;

namespace WarrantyPortal.Tests.Features.Payments;

/// <summary>Stripe's events, signed like Stripe signs them, posted to /webhooks/stripe of the running portal.</summary>
public sealed class StripeWebhookTests(StripePaymentsFixture fx) : IClassFixture<StripePaymentsFixture>
{
    private async Task<(PaymentRequest Request, PaymentAttempt Attempt)> OpenCheckoutAsync(PaymentMethodKind method = PaymentMethodKind.Card)
    {
        var request = StripePaymentsFixture.Request();
        var start = await fx.StartAsync(request, method);
        return (request, fx.Attempt(start.AttemptId));
    }

    private JsonObject Completed(PaymentAttempt a, string paymentStatus = "paid") => fx.Stripe.Complete(a.ProviderSessionId!, paymentStatus);

    [Fact]
    public async Task Webhook_CheckoutCompletedAndPaid_AttemptPaidAndOrderSettledWithAmount()
    {
        var (request, attempt) = await OpenCheckoutAsync();

        var response = await fx.SendAsync("checkout.session.completed", Completed(attempt));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paid = fx.Attempt(attempt.Id);
        Assert.Equal(PaymentAttemptStatus.Paid, paid.Status);
        var call = Assert.Single(fx.Settlement.For(request.OrderReference));
        Assert.Equal("Succeeded", call.Kind);
        Assert.Equal(new Money(8700, "EUR"), call.Amount);
        Assert.Equal(PaymentMethodKind.Card, call.Method);
        Assert.Equal(paid.PaymentIntentId, call.ProviderReference);
        var status = await fx.App.Get<PaymentStatusQuery>().ForOrderAsync(request.OrderReference);
        Assert.Equal(PaymentOutcome.Received, status!.Outcome);
    }

    [Fact]
    public async Task Webhook_SameEventThreeTimes_OrderSettledOnce()
    {
        var (request, attempt) = await OpenCheckoutAsync();
        var session = Completed(attempt);
        var eventId = StripeEvents.NewEventId();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await fx.SendAsync("checkout.session.completed", session, eventId)).StatusCode);
        }

        Assert.Single(fx.Settlement.For(request.OrderReference));
        Assert.Equal(1, fx.EventCount(eventId));
        Assert.Equal(PaymentAttemptStatus.Paid, fx.Attempt(attempt.Id).Status);
    }

    [Fact]
    public async Task Webhook_SameEventDeliveredConcurrently_OrderSettledOnce()
    {
        var (request, attempt) = await OpenCheckoutAsync();
        var session = Completed(attempt);
        var eventId = StripeEvents.NewEventId();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => fx.SendAsync("checkout.session.completed", session, eventId)));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(PaymentAttemptStatus.Paid, fx.Attempt(attempt.Id).Status);
        Assert.Single(fx.Settlement.For(request.OrderReference).Select(c => c.EventId).Distinct());
    }

    [Theory]
    [InlineData("wrong-secret")]
    [InlineData("tampered-amount")]
    [InlineData("signed-ten-minutes-ago")]
    public async Task Webhook_BadSignature_Rejected400AndNothingChanges(string how)
    {
        var (request, attempt) = await OpenCheckoutAsync();
        var session = Completed(attempt);
        var eventId = StripeEvents.NewEventId();

        var response = how switch
        {
            "wrong-secret" => await fx.SendAsync("checkout.session.completed", session, eventId, secret: "whsec_someone_else"),
            "tampered-amount" => await fx.SendAsync("checkout.session.completed", session, eventId, tamper: p => p.Replace("\"amount_total\":8700", "\"amount_total\":1")),
            _ => await fx.SendAsync("checkout.session.completed", session, eventId, signedAt: DateTimeOffset.UtcNow.AddMinutes(-10)),
        };

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PaymentAttemptStatus.Open, fx.Attempt(attempt.Id).Status);
        Assert.Empty(fx.Settlement.For(request.OrderReference));
        Assert.Equal(0, fx.EventCount(eventId));
    }

    [Fact]
    public async Task Webhook_NoSignatureHeader_Rejected400()
    {
        using var response = await fx.Http.PostAsync(StripeWebhookEndpoint.Path, new StringContent("{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Webhook_BankTransferCompletedUnpaidThenAsyncSucceeded_ProcessingThenPaid()
    {
        var (request, attempt) = await OpenCheckoutAsync(PaymentMethodKind.EuBankTransfer);

        await fx.SendAsync("checkout.session.completed", Completed(attempt, "unpaid"));
        Assert.Equal(PaymentAttemptStatus.Processing, fx.Attempt(attempt.Id).Status);
        Assert.Equal(PaymentOutcome.Processing, (await fx.App.Get<PaymentStatusQuery>().ForAttemptAsync(attempt.Id))!.Outcome);

        await fx.SendAsync("checkout.session.async_payment_succeeded", Completed(attempt, "paid"));

        Assert.Equal(PaymentAttemptStatus.Paid, fx.Attempt(attempt.Id).Status);
        Assert.Equal(["Processing", "Succeeded"], fx.Settlement.For(request.OrderReference).Select(c => c.Kind));
    }

    [Fact]
    public async Task Webhook_AsyncPaymentFailed_FailedAndCustomerToldToTryAgain()
    {
        var (request, attempt) = await OpenCheckoutAsync(PaymentMethodKind.EuBankTransfer);
        await fx.SendAsync("checkout.session.completed", Completed(attempt, "unpaid"));

        await fx.SendAsync("checkout.session.async_payment_failed", Completed(attempt, "unpaid"));

        Assert.Equal(PaymentAttemptStatus.Failed, fx.Attempt(attempt.Id).Status);
        Assert.Equal(["Processing", "Failed"], fx.Settlement.For(request.OrderReference).Select(c => c.Kind));
        Assert.Equal(PaymentOutcome.Failed, (await fx.App.Get<PaymentStatusQuery>().ForOrderAsync(request.OrderReference))!.Outcome);
    }

    [Fact]
    public async Task Webhook_SessionExpired_ExpiredAndOrderStillUnpaid()
    {
        var (request, attempt) = await OpenCheckoutAsync();

        await fx.SendAsync("checkout.session.expired", fx.Stripe.Expire(attempt.ProviderSessionId!));

        Assert.Equal(PaymentAttemptStatus.Expired, fx.Attempt(attempt.Id).Status);
        Assert.Equal("Expired", Assert.Single(fx.Settlement.For(request.OrderReference)).Kind);
        Assert.Equal(PaymentOutcome.NotCompleted, (await fx.App.Get<PaymentStatusQuery>().ForOrderAsync(request.OrderReference))!.Outcome);
    }

    [Fact]
    public async Task Webhook_ExpiredAndFailedArrivingAfterCompleted_StaysPaid()
    {
        var (request, attempt) = await OpenCheckoutAsync();
        var paid = Completed(attempt);
        var stale = (JsonObject)paid.DeepClone();
        stale["status"] = "expired";
        stale["payment_status"] = "unpaid";

        await fx.SendAsync("checkout.session.completed", paid);
        await fx.SendAsync("checkout.session.expired", stale);
        await fx.SendAsync("checkout.session.async_payment_failed", stale);

        Assert.Equal(PaymentAttemptStatus.Paid, fx.Attempt(attempt.Id).Status);
        Assert.Equal(["Succeeded"], fx.Settlement.For(request.OrderReference).Select(c => c.Kind));
    }

    [Fact]
    public async Task Webhook_AsyncSucceededBeforeCompleted_EndsPaidWithoutGoingBackToProcessing()
    {
        var (request, attempt) = await OpenCheckoutAsync(PaymentMethodKind.EuBankTransfer);
        var unpaid = (JsonObject)Completed(attempt, "unpaid").DeepClone();
        var paid = Completed(attempt, "paid");

        await fx.SendAsync("checkout.session.async_payment_succeeded", paid);
        await fx.SendAsync("checkout.session.completed", unpaid);

        Assert.Equal(PaymentAttemptStatus.Paid, fx.Attempt(attempt.Id).Status);
        Assert.Equal(["Succeeded"], fx.Settlement.For(request.OrderReference).Select(c => c.Kind));
    }

    [Theory]
    [InlineData(870, "eur")]
    [InlineData(8700, "usd")]
    public async Task Webhook_AmountOrCurrencyDiffersFromCheckout_FlaggedForAdminNotPaid(long amount, string currency)
    {
        var (request, attempt) = await OpenCheckoutAsync();
        var session = Completed(attempt);
        session["amount_total"] = amount;
        session["currency"] = currency;

        await fx.SendAsync("checkout.session.completed", session);

        var flagged = fx.Attempt(attempt.Id);
        Assert.Equal(PaymentAttemptStatus.NeedsReview, flagged.Status);
        Assert.Equal(amount, flagged.ReceivedMinor);
        Assert.Equal(currency.ToUpperInvariant(), flagged.ReceivedCurrency);
        Assert.Contains("87.00 EUR", flagged.Problem);
        var call = Assert.Single(fx.Settlement.For(request.OrderReference));
        Assert.Equal("NeedsReview", call.Kind);
        Assert.DoesNotContain(fx.Settlement.For(request.OrderReference), c => c.Kind == "Succeeded");
        Assert.Equal(PaymentOutcome.UnderReview, (await fx.App.Get<PaymentStatusQuery>().ForOrderAsync(request.OrderReference))!.Outcome);
    }

    [Fact]
    public async Task Webhook_ChargeRefundedPartlyThenFully_RunningTotalsSettled()
    {
        var (request, attempt) = await OpenCheckoutAsync();
        await fx.SendAsync("checkout.session.completed", Completed(attempt));
        var pi = fx.Attempt(attempt.Id).PaymentIntentId!;

        await fx.SendAsync("charge.refunded", StripeEvents.Charge("ch_1", pi, 8700, 2400, "eur", DateTimeOffset.UtcNow));
        Assert.Equal(PaymentAttemptStatus.Paid, fx.Attempt(attempt.Id).Status);
        await fx.SendAsync("charge.refunded", StripeEvents.Charge("ch_1", pi, 8700, 8700, "eur", DateTimeOffset.UtcNow));
        await fx.SendAsync("charge.refunded", StripeEvents.Charge("ch_1", pi, 8700, 2400, "eur", DateTimeOffset.UtcNow.AddMinutes(-5)));

        var refunded = fx.Attempt(attempt.Id);
        Assert.Equal(PaymentAttemptStatus.Refunded, refunded.Status);
        Assert.Equal(8700, refunded.RefundedMinor);
        var refunds = fx.Settlement.For(request.OrderReference).Where(c => c.Kind == "Refunded").ToList();
        Assert.Equal([new Money(2400, "EUR"), new Money(8700, "EUR")], refunds.Select(r => r.Amount!.Value));
        Assert.Equal([false, true], refunds.Select(r => r.Fully));
    }

    [Fact]
    public async Task Webhook_SessionNotFromThisPortal_AcknowledgedAndIgnored()
    {
        var foreign = StripeEvents.Session("cs_test_not_ours", "complete", "paid", 100, "eur", "pi_x", "someone-else", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1));

        var response = await fx.SendAsync("checkout.session.completed", foreign);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("UnknownSession", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reconcile_PaidButWebhookNeverCame_SettledFromSessionStatus()
    {
        var (request, attempt) = await OpenCheckoutAsync();
        Completed(attempt);

        await fx.App.Get<PaymentReconciliationWorker>().ReconcileAsync(CancellationToken.None);

        Assert.Equal(PaymentAttemptStatus.Paid, fx.Attempt(attempt.Id).Status);
        Assert.Equal("Succeeded", Assert.Single(fx.Settlement.For(request.OrderReference)).Kind);
        Assert.Contains(fx.Stripe.Requests, r => r.Method == "GET" && r.Path == $"/v1/checkout/sessions/{attempt.ProviderSessionId}");

        await fx.SendAsync("checkout.session.completed", fx.Stripe.Session(attempt.ProviderSessionId!));
        Assert.Single(fx.Settlement.For(request.OrderReference));
    }

    [Fact]
    public async Task Reconcile_CardDeclinedAndSessionStillOpen_StaysUnpaidUntilStripeExpiresIt()
    {
        var (request, attempt) = await OpenCheckoutAsync();
        var worker = fx.App.Get<PaymentReconciliationWorker>();

        await worker.ReconcileAsync(CancellationToken.None);
        Assert.Equal(PaymentAttemptStatus.Open, fx.Attempt(attempt.Id).Status);
        Assert.Empty(fx.Settlement.For(request.OrderReference));

        fx.Stripe.Expire(attempt.ProviderSessionId!);
        using (var db = fx.App.CreateDbContext())
        {
            var a = db.PaymentAttempts.Single(x => x.Id == attempt.Id);
            a.LastCheckedAtUtc = null;
            db.SaveChanges();
        }
        await worker.ReconcileAsync(CancellationToken.None);

        Assert.Equal(PaymentAttemptStatus.Expired, fx.Attempt(attempt.Id).Status);
        Assert.Equal("Expired", Assert.Single(fx.Settlement.For(request.OrderReference)).Kind);
    }
}
