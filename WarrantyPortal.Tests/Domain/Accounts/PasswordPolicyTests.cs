using WarrantyPortal.Domain.Accounts;

namespace WarrantyPortal.Tests.Domain.Accounts;

public class PasswordPolicyTests
{
    [Fact]
    public void CommonPasswordCount_ShippedList_HasAtLeastTenThousand()
    {
        Assert.True(PasswordPolicy.CommonPasswordCount >= 10_000, $"only {PasswordPolicy.CommonPasswordCount} common passwords");
    }

    [Theory]
    [InlineData("password")]
    [InlineData("123456")]
    [InlineData("qwertyuiop")]
    [InlineData("1234567890")]
    [InlineData("password123")]
    [InlineData("PASSWORD123")]
    [InlineData("QwertyUiop")]
    [InlineData("1q2w3e4r5t")]
    public void IsCommon_WellKnownPassword_IsTrueWhateverTheCase(string password)
    {
        Assert.True(PasswordPolicy.IsCommon(password));
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("solar-inverter-on-the-barn-roof")]
    [InlineData("Tq9#vLm2!pWz")]
    [InlineData("")]
    [InlineData(null)]
    public void IsCommon_UncommonOrEmpty_IsFalse(string? password)
    {
        Assert.False(PasswordPolicy.IsCommon(password));
    }

    [Theory]
    [InlineData("123456789", true)]
    [InlineData("abcdefghij", false)]
    [InlineData("a short sentence", false)]
    [InlineData(null, true)]
    public void IsTooShort_ByLength_MatchesTenCharacterMinimum(string? password, bool tooShort)
    {
        Assert.Equal(tooShort, PasswordPolicy.IsTooShort(password));
    }
}
