using WarrantyPortal.Features.Payments;

namespace WarrantyPortal.Tests.Features.Payments;

public class PaymentAttemptTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static PaymentAttempt Open() => new()
    {
        Id = Guid.NewGuid(), AmountMinor = 7200, Currency = "EUR", Status = PaymentAttemptStatus.Open,
        ProviderSessionId = "cs_1", ExpiresAtUtc = Now.AddHours(23),
    };

    [Fact]
    public void Succeed_MatchingAmount_Paid()
    {
        var a = Open();

        Assert.Equal(AttemptChange.Paid, a.Succeed(7200, "eur", "pi_1", Now));
        Assert.Equal(PaymentAttemptStatus.Paid, a.Status);
        Assert.Equal("pi_1", a.PaymentIntentId);
        Assert.Equal(Now, a.PaidAtUtc);
    }

    [Fact]
    public void Succeed_Twice_SecondChangesNothing()
    {
        var a = Open();
        a.Succeed(7200, "eur", "pi_1", Now);

        Assert.Equal(AttemptChange.None, a.Succeed(7200, "eur", "pi_1", Now));
    }

    [Fact]
    public void Succeed_LowerAmount_FlaggedNotPaid()
    {
        var a = Open();

        Assert.Equal(AttemptChange.Flagged, a.Succeed(720, "eur", "pi_1", Now));
        Assert.Equal(PaymentAttemptStatus.NeedsReview, a.Status);
        Assert.Null(a.PaidAtUtc);
        Assert.Equal(AttemptChange.None, a.Succeed(7200, "eur", "pi_1", Now));
    }

    [Fact]
    public void ExpireOrFail_AfterPaid_StaysPaid()
    {
        var a = Open();
        a.Succeed(7200, "eur", "pi_1", Now);

        Assert.Equal(AttemptChange.None, a.Expire(Now));
        Assert.Equal(AttemptChange.None, a.Fail("late", Now));
        Assert.Equal(PaymentAttemptStatus.Paid, a.Status);
    }

    [Fact]
    public void Succeed_AfterExpired_MoneyIsRealSoPaid()
    {
        var a = Open();
        a.Expire(Now);

        Assert.Equal(AttemptChange.Paid, a.Succeed(7200, "eur", "pi_1", Now));
    }

    [Fact]
    public void Refund_OlderTotalAfterNewer_Ignored()
    {
        var a = Open();
        a.Succeed(7200, "eur", "pi_1", Now);

        Assert.Equal(AttemptChange.Refunded, a.Refund(7200, fully: true, Now));
        Assert.Equal(AttemptChange.None, a.Refund(2000, fully: false, Now));
        Assert.Equal(7200, a.RefundedMinor);
        Assert.Equal(PaymentAttemptStatus.Refunded, a.Status);
    }

    [Fact]
    public void Refund_BeforePaid_Ignored() => Assert.Equal(AttemptChange.None, Open().Refund(100, false, Now));

    [Fact]
    public void IsOpenAt_PastExpiry_False()
    {
        var a = Open();

        Assert.True(a.IsOpenAt(Now));
        Assert.False(a.IsOpenAt(Now.AddHours(24)));
    }
}
