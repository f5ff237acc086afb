using WarrantyPortal.Domain.Accounts;

namespace WarrantyPortal.Tests.Domain.Accounts;

public class OneTimeCodeTests
{
    private static readonly DateTime T0 = new(2026, 6, 15, 9, 0, 0, DateTimeKind.Utc);

    private static OneTimeCode Issue(string code = "042917") => OneTimeCode.Issue("user-1", code, T0, previousIssuedAtUtc: null);

    public static TheoryData<string, double, OneTimeCodeResult> Entries => new()
    {
        // entered, seconds after issue, expected
        { "042917", 0, OneTimeCodeResult.Accepted },
        { "042917", 599, OneTimeCodeResult.Accepted },
        { "042 917", 30, OneTimeCodeResult.Accepted },
        { "042-917", 30, OneTimeCodeResult.Accepted },
        { "042917", 600, OneTimeCodeResult.Expired },
        { "042917", 3600, OneTimeCodeResult.Expired },
        { "042918", 10, OneTimeCodeResult.Wrong },
        { "42917", 10, OneTimeCodeResult.Wrong },
        { "0429170", 10, OneTimeCodeResult.Wrong },
        { "", 10, OneTimeCodeResult.Wrong },
        { "abcdef", 10, OneTimeCodeResult.Wrong },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void Verify_EnteredAtTime_GivesExpectedResult(string entered, double secondsLater, OneTimeCodeResult expected)
    {
        var code = Issue();

        Assert.Equal(expected, code.Verify(entered, T0.AddSeconds(secondsLater)));
    }

    [Fact]
    public void Verify_RightCodeTwice_SecondIsRefusedAsUsed()
    {
        var code = Issue();

        Assert.Equal(OneTimeCodeResult.Accepted, code.Verify("042917", T0.AddMinutes(1)));
        Assert.Equal(OneTimeCodeResult.AlreadyUsed, code.Verify("042917", T0.AddMinutes(2)));
    }

    [Theory]
    [InlineData(1, OneTimeCodeResult.Wrong, 4)]
    [InlineData(4, OneTimeCodeResult.Wrong, 1)]
    [InlineData(5, OneTimeCodeResult.TooManyAttempts, 0)]
    public void Verify_WrongCodes_CountDownAttempts(int wrongTries, OneTimeCodeResult lastResult, int attemptsLeft)
    {
        var code = Issue();
        var result = OneTimeCodeResult.Accepted;

        for (var i = 0; i < wrongTries; i++) result = code.Verify("111111", T0.AddSeconds(i + 1));

        Assert.Equal(lastResult, result);
        Assert.Equal(attemptsLeft, code.AttemptsLeft);
    }

    [Fact]
    public void Verify_RightCodeAfterFiveWrongTries_IsRefused()
    {
        var code = Issue();
        for (var i = 0; i < OneTimeCode.MaxFailedAttempts; i++) code.Verify("111111", T0.AddSeconds(i));

        Assert.Equal(OneTimeCodeResult.TooManyAttempts, code.Verify("042917", T0.AddSeconds(30)));
    }

    [Fact]
    public void Verify_RightCodeAfterFourWrongTries_IsAccepted()
    {
        var code = Issue();
        for (var i = 0; i < OneTimeCode.MaxFailedAttempts - 1; i++) code.Verify("111111", T0.AddSeconds(i));

        Assert.Equal(OneTimeCodeResult.Accepted, code.Verify("042917", T0.AddSeconds(30)));
    }

    [Fact]
    public void Verify_SupersededCode_IsRefused()
    {
        var code = Issue();
        code.Supersede(T0.AddMinutes(2));

        Assert.Equal(OneTimeCodeResult.AlreadyUsed, code.Verify("042917", T0.AddMinutes(3)));
        Assert.False(code.IsOpen(T0.AddMinutes(3)));
    }

    [Theory]
    [InlineData(null, 0.0)]
    [InlineData(0.0, 60.0)]
    [InlineData(1.0, 59.0)]
    [InlineData(59.5, 0.5)]
    [InlineData(60.0, 0.0)]
    [InlineData(600.0, 0.0)]
    public void WaitBeforeNext_SecondsSinceLastCode_GivesRemainingWait(double? secondsSinceLast, double expectedWait)
    {
        DateTime? last = secondsSinceLast is null ? null : T0.AddSeconds(-secondsSinceLast.Value);

        Assert.Equal(TimeSpan.FromSeconds(expectedWait), OneTimeCode.WaitBeforeNext(last, T0));
    }

    [Fact]
    public void Issue_WithinResendWindow_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => OneTimeCode.Issue("user-1", "123456", T0, previousIssuedAtUtc: T0.AddSeconds(-30)));
    }

    [Fact]
    public void Issue_AfterResendWindow_ExpiresTenMinutesLater()
    {
        var code = OneTimeCode.Issue("user-1", "123456", T0, previousIssuedAtUtc: T0.AddSeconds(-60));

        Assert.Equal(T0.AddMinutes(10), code.ExpiresAtUtc);
        Assert.True(code.IsOpen(T0.AddMinutes(9)));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    public void Issue_MalformedCode_Throws(string plain)
    {
        Assert.Throws<ArgumentException>(() => OneTimeCode.Issue("user-1", plain, T0, null));
    }

    [Fact]
    public void Issue_StoresNoPlainCode_AndSaltsEachHash()
    {
        var a = Issue("555555");
        var b = Issue("555555");

        Assert.DoesNotContain("555555", a.CodeHash);
        Assert.DoesNotContain("555555", a.Salt);
        Assert.NotEqual(a.CodeHash, b.CodeHash);
    }

    [Fact]
    public void NewPlainCode_Always_IsSixDigits()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => OneTimeCode.NewPlainCode()).ToList();

        Assert.All(codes, c => Assert.Matches("^[0-9]{6}$", c));
        Assert.True(codes.Distinct().Count() > 150, "codes should be random");
    }
}
