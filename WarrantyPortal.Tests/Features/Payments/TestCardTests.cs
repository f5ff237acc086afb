using WarrantyPortal.Features.Payments.TestCheckout;

namespace WarrantyPortal.Tests.Features.Payments;

public class TestCardTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("4242 4242 4242 4242", TestCardOutcome.Succeeds)]
    [InlineData("4000000000009995", TestCardOutcome.InsufficientFunds)]
    [InlineData("4000-0025-0000-3155", TestCardOutcome.RequiresAuthentication)]
    [InlineData("4000 0000 0000 0002", TestCardOutcome.Declined)]
    [InlineData("5555 5555 5555 4444", TestCardOutcome.NotATestCard)]
    public void OutcomeOf_StripeTestNumbers_BehaveLikeStripe(string number, TestCardOutcome expected) =>
        Assert.Equal(expected, TestCard.OutcomeOf(number));

    [Fact]
    public void Validate_CompleteCard_NoErrors() =>
        Assert.Empty(TestCard.Validate(new CardDetails("4242 4242 4242 4242", "11 / 26", "123", "Ana Martin"), Today));

    [Theory]
    [InlineData("", "Card_NumberRequired")]
    [InlineData("4242 4242 42", "Card_NumberIncomplete")]
    [InlineData("4242 4242 4242 4241", "Card_NumberInvalid")]
    [InlineData("4242 4242 4242 424x", "Card_NumberIncomplete")]
    public void Validate_BadNumber_SaysWhatToFix(string number, string key) =>
        Assert.Equal(key, TestCard.Validate(new CardDetails(number, "12/30", "123", "A"), Today)["number"]);

    [Theory]
    [InlineData("", "Card_ExpiryRequired")]
    [InlineData("13 / 30", "Card_ExpiryFormat")]
    [InlineData("1230x", "Card_ExpiryFormat")]
    [InlineData("10 / 26", "Card_ExpiryPast")]
    [InlineData("10/2026", "Card_ExpiryPast")]
    public void Validate_BadExpiry_SaysWhatToFix(string expiry, string key) =>
        Assert.Equal(key, TestCard.Validate(new CardDetails("4242424242424242", expiry, "123", "A"), Today)["expiry"]);

    [Theory]
    [InlineData("11 / 26")]
    [InlineData("1126")]
    [InlineData("11/2026")]
    public void Validate_ExpiringThisMonth_Accepted(string expiry) =>
        Assert.False(TestCard.Validate(new CardDetails("4242424242424242", expiry, "123", "A"), Today).ContainsKey("expiry"));

    [Theory]
    [InlineData("12")]
    [InlineData("12345")]
    [InlineData("12a")]
    public void Validate_BadCvc_Refused(string cvc) =>
        Assert.Equal("Card_CvcInvalid", TestCard.Validate(new CardDetails("4242424242424242", "12/30", cvc, "A"), Today)["cvc"]);

    [Fact]
    public void Validate_FourDigitCvcAndNoName_OnlyNameMissing()
    {
        var errors = TestCard.Validate(new CardDetails("4242424242424242", "12/30", "1234", " "), Today);

        Assert.Equal(["name"], errors.Keys);
    }
}
