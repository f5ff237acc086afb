using WarrantyPortal.Domain.Orders;

namespace WarrantyPortal.Tests.Domain.Orders;

public class OrderNumberTests
{
    [Theory]
    [InlineData(2023, 6, 21, 3, "WE202306210003")]
    [InlineData(2026, 1, 5, 1, "WE202601050001")]
    [InlineData(2026, 12, 31, 9999, "WE202612319999")]
    [InlineData(2026, 12, 31, 10000, "WE2026123110000")]
    public void Format_DayAndSequence_PrefixDateAndFourDigitSequence(int y, int m, int d, int seq, string expected)
    {
        Assert.Equal(expected, OrderNumber.Format(new DateOnly(y, m, d), seq));
        Assert.True(OrderNumber.IsValid(expected));
    }

    [Fact]
    public void Format_SequenceZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderNumber.Format(new DateOnly(2026, 1, 1), 0));
    }

    [Theory]
    [InlineData(" we202306210003 ", "WE202306210003")]
    [InlineData("WE202306210003", "WE202306210003")]
    [InlineData("WE20230621003", null)]
    [InlineData("WE202313210003", null)]
    [InlineData("XX202306210003", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_Input_UpperCasedOrNullWhenNotANumber(string? input, string? expected)
    {
        Assert.Equal(expected, OrderNumber.Normalize(input));
    }
}
