using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Tests.Domain.Registry;

public class SerialNumberTests
{
    [Theory]
    [InlineData("7020 0009 6622", "702000096622")]
    [InlineData("  702000096622\t", "702000096622")]
    [InlineData("7020-0009-6622", "702000096622")]
    [InlineData("si1es120n80001", "SI1ES120N80001")]
    [InlineData("hy3k6-es22-0000-001", "HY3K6ES220000001")]
    public void TryParse_TypedWithSpacesDashesOrLowerCase_GivesNormalForm(string typed, string expected)
    {
        Assert.True(SerialNumber.TryParse(typed, out var sn, out var problem));
        Assert.Equal(SerialNumberProblem.None, problem);
        Assert.Equal(expected, sn.Value);
    }

    [Theory]
    [InlineData("", SerialNumberProblem.Empty)]
    [InlineData("   ", SerialNumberProblem.Empty)]
    [InlineData("70200009662!", SerialNumberProblem.InvalidCharacters)]
    [InlineData("7020.0009.6622", SerialNumberProblem.InvalidCharacters)]
    [InlineData("70200009662", SerialNumberProblem.UnknownFormat)]
    [InlineData("1234567890123", SerialNumberProblem.UnknownFormat)]
    [InlineData("12345678901234", SerialNumberProblem.UnknownFormat)]
    public void TryParse_Malformed_ReportsWhy(string typed, SerialNumberProblem expected)
    {
        Assert.False(SerialNumber.TryParse(typed, out _, out var problem));
        Assert.Equal(expected, problem);
    }

    [Theory]
    [InlineData("702000096622", ProductFamily.MicroInverter, true)]
    [InlineData("702000096622", ProductFamily.MonitoringGateway, true)]
    [InlineData("702000096622", ProductFamily.StringInverter, false)]
    [InlineData("SI1ES120N80001", ProductFamily.StringInverter, true)]
    [InlineData("SI1ES120N80001", ProductFamily.MicroInverter, false)]
    [InlineData("BT5K1LV20000001", ProductFamily.Battery, true)]
    [InlineData("BT5K1LV2000000", ProductFamily.Battery, false)]
    public void TryParse_ForFamily_ChecksLengthAndAlphabet(string typed, ProductFamily family, bool valid)
    {
        Assert.Equal(valid, SerialNumber.TryParse(typed, family, out _, out var problem));
        Assert.Equal(valid ? SerialNumberProblem.None : SerialNumberProblem.WrongFormatForFamily, problem);
    }

    [Fact]
    public void Parse_Malformed_ThrowsWithReason()
    {
        var e = Assert.Throws<FormatException>(() => SerialNumber.Parse("12-34"));
        Assert.Contains("'12-34'", e.Message);
    }

    [Fact]
    public void Equality_SameDeviceTypedTwoWays_IsEqual()
    {
        Assert.Equal(SerialNumber.Parse("7020 0009 6622"), SerialNumber.Parse("702000096622"));
    }
}
