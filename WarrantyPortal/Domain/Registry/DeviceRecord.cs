namespace WarrantyPortal.Domain.Registry;

/// <summary>The manufacturer's record of one device, as the registry (embedded or remote) reports it.</summary>
public sealed record DeviceRecord(
    SerialNumber SerialNumber,
    string Model,
    ProductFamily Family,
    int RatedPowerW,
    DateOnly ProductionDate,
    DateOnly? CommissioningDate,
    DateOnly BaseWarrantyStart,
    DateOnly BaseWarrantyEnd,
    string CountryCode,
    string? GatewaySerialNumber,
    IReadOnlyList<CoverageExtension> Extensions)
{
    public bool HasExtension => Extensions.Count > 0;

    /// <summary>The last day covered, counting every extension bought.</summary>
    public DateOnly CoverageEnd => Extensions.Count == 0 ? BaseWarrantyEnd : Max(BaseWarrantyEnd, Extensions.Max(e => e.End));

    public CoverageState StateOn(DateOnly date) => date <= CoverageEnd ? CoverageState.Valid : CoverageState.Expired;

    /// <summary>Whole years from the base warranty start to the end of coverage (rounded to the nearest year).</summary>
    public int TotalYears => WarrantyYears.Between(BaseWarrantyStart, CoverageEnd);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

/// <summary>One extension bought for a device: the period it adds, the order that paid for it and its certificate.</summary>
public sealed record CoverageExtension(string PlanCode, DateOnly Start, DateOnly End, string OrderNumber, string? CertificateNumber);

public enum CoverageState
{
    Valid,
    Expired,
    Unknown,
}

public static class WarrantyYears
{
    /// <summary>
    /// Warranty periods end the day before an anniversary (start 2024-03-01, 10 years → end 2034-02-28),
    /// so the count is taken from the day after the end.
    /// </summary>
    public static int Between(DateOnly start, DateOnly end)
    {
        var after = end.AddDays(1);
        var months = ((after.Year - start.Year) * 12) + after.Month - start.Month - (after.Day < start.Day ? 1 : 0);
        return (int)Math.Round(months / 12.0, MidpointRounding.AwayFromZero);
    }

    /// <summary>The last day of a term of <paramref name="years"/> starting on <paramref name="start"/>.</summary>
    public static DateOnly EndOfTerm(DateOnly start, int years) => start.AddYears(years).AddDays(-1);
}
