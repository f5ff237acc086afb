using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Tests.Domain.Registry;

public class DeviceRecordTests
{
    private static DeviceRecord Device(params CoverageExtension[] extensions) => new(
        SerialNumber.Parse("702000096622"), "DS3-H", ProductFamily.MicroInverter, 880,
        new DateOnly(2023, 12, 1), new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 1), new DateOnly(2036, 2, 29), "FR", null, extensions);

    [Fact]
    public void CoverageEnd_WithExtension_IsExtensionEnd()
    {
        var d = Device(new CoverageExtension("MI-20", new DateOnly(2036, 3, 1), new DateOnly(2044, 2, 29), "WP-1", "C-1"));
        Assert.Equal(new DateOnly(2044, 2, 29), d.CoverageEnd);
        Assert.Equal(20, d.TotalYears);
    }

    [Fact]
    public void TotalYears_BaseOnly_CountsTheBaseTerm()
    {
        Assert.Equal(12, Device().TotalYears);
    }

    [Theory]
    [InlineData("2036-02-29", CoverageState.Valid)]
    [InlineData("2036-03-01", CoverageState.Expired)]
    public void StateOn_AroundTheLastDay_ValidThenExpired(string date, CoverageState expected)
    {
        Assert.Equal(expected, Device().StateOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
