using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Features.Registry;

/// <summary>
/// The demo registry: a few fixed devices for each case the eligibility rule distinguishes (listed in the README)
/// plus a generated fleet. Dates are counted back from the day it is seeded, with a fixed random seed, so the same
/// serial numbers always show the same case.
/// </summary>
public static class DemoFleet
{
    public const int GeneratedCount = 5_200;

    public static readonly string[] Eligible = ["702000100001", "702000100002", "806000100003", "SI1ES120N00001", "HY3K6ES220000001", "BT5K1LV20000001"];
    public static readonly string[] AlreadyExtended = ["702000096622", "702000098111", "702000101980"];
    public static readonly string[] BaseWarrantyExpired = ["702000050001", "SI1ES120N00002"];
    public static readonly string[] TooLateToExtend = ["702000080001", "SI1ES120N00003", "BT5K1LV20000002"];
    public static readonly string[] NoPlanForModel = ["216000123456", "216000123457"];

    /// <summary>A battery: its plan is sold in Europe only, so a buyer in the US is refused.</summary>
    public const string NotSoldInUnitedStates = "BT5K1LV20000001";

    public sealed record ModelSpec(string Model, ProductFamily Family, int RatedPowerW, int BaseYears, string Prefix, int Weight);

    public static readonly IReadOnlyList<ModelSpec> Models =
    [
        new("DS3-H", ProductFamily.MicroInverter, 880, 12, "7020", 25),
        new("DS3-L", ProductFamily.MicroInverter, 730, 12, "7020", 15),
        new("QT2D", ProductFamily.MicroInverter, 1800, 12, "8060", 15),
        new("SI-10K", ProductFamily.StringInverter, 10_000, 10, "SI1ES120N", 10),
        new("SI-20K", ProductFamily.StringInverter, 20_000, 10, "SI2ES200N", 5),
        new("HY-6K", ProductFamily.HybridInverter, 6_000, 10, "HY3K6ES22", 10),
        new("BT-5K", ProductFamily.Battery, 2_500, 10, "BT5K1LV2", 12),
        new("ECU-C", ProductFamily.MonitoringGateway, 0, 5, "2160", 8),
    ];

    private static readonly string[] CountryPool = ["FR", "FR", "DE", "DE", "ES", "IT", "NL", "BE", "PL", "AT", "PT", "SE", "GB", "CH", "US", "CN", "AU"];

    public static IReadOnlyList<DeviceRecord> Build(DateOnly today) => [.. Fixed(today), .. Generated(today)];

    public static IEnumerable<DeviceRecord> Fixed(DateOnly today)
    {
        DateOnly Months(int m) => today.AddMonths(-m);
        yield return Make("702000100001", "DS3-H", Months(7), Months(6), "FR", "216000123456");
        yield return Make("702000100002", "DS3-L", Months(15), Months(14), "DE", "216000123456");
        yield return Make("806000100003", "QT2D", Months(4), Months(3), "ES", null);
        yield return Make("SI1ES120N00001", "SI-10K", Months(5), Months(4), "FR", null);
        yield return Make("HY3K6ES220000001", "HY-6K", Months(10), Months(8), "IT", null);
        yield return Make("BT5K1LV20000001", "BT-5K", Months(3), Months(2), "FR", null);
        foreach (var (sn, model) in AlreadyExtended.Zip(new[] { "DS3-H", "DS3-H", "DS3-L" }))
        {
            var d = Make(sn, model, Months(19), Months(18), "EE", "216000123457");
            yield return d with { Extensions = [ExtendTo(d, 20, "MI-TO20", "WP-DEMO-000101")] };
        }
        yield return Make("702000050001", "DS3-L", Months(13 * 12 + 3), Months(13 * 12), "FR", null);
        yield return Make("SI1ES120N00002", "SI-10K", Months(11 * 12 + 2), Months(11 * 12), "DE", null);
        yield return Make("702000080001", "DS3-H", Months(31), Months(30), "NL", null);
        yield return Make("SI1ES120N00003", "SI-10K", Months(21), Months(20), "BE", null);
        yield return Make("BT5K1LV20000002", "BT-5K", Months(10), Months(9), "FR", null);
        foreach (var device in DemoCustomerDevices(today)) yield return device;
        yield return Make("216000123456", "ECU-C", Months(7), Months(6), "FR", null);
        yield return Make("216000123457", "ECU-C", Months(19), Months(18), "EE", null);
    }

    /// <summary>The devices of the demo customer's own orders (Berlin): paid ones already carry their extension.</summary>
    private static IEnumerable<DeviceRecord> DemoCustomerDevices(DateOnly today)
    {
        DateOnly Months(int m) => today.AddMonths(-m);
        foreach (var sn in new[] { "702000990041", "702000990042" })
        {
            var d = Make(sn, "DS3-H", Months(9), Months(8), "DE", null);
            yield return d with { Extensions = [ExtendTo(d, 20, "MI-TO20", "WP-DEMO-000102")] };
        }
        yield return Make("SI1ES120N09113", "SI-10K", Months(6), Months(5), "DE", null);
        yield return Make("SI1ES120N09310", "SI-10K", Months(4), Months(3), "DE", null);
        foreach (var sn in new[] { "HY3K6ES220009007", "HY3K6ES220009008", "HY3K6ES220009009", "HY3K6ES220009054", "HY3K6ES220009055" })
        {
            yield return Make(sn, "HY-6K", Months(5), Months(4), "DE", null);
        }
    }

    public static IEnumerable<DeviceRecord> Generated(DateOnly today)
    {
        var random = new Random(20_261_123);
        var totalWeight = Models.Sum(m => m.Weight);
        var counters = Models.Select(m => m.Prefix).Distinct().ToDictionary(p => p, _ => 0);
        var gateways = new List<string>();
        for (var i = 0; i < GeneratedCount; i++)
        {
            var pick = random.Next(totalWeight);
            var spec = Models.First(m => (pick -= m.Weight) < 0);
            var serial = NextSerial(spec, counters[spec.Prefix]++);
            var commissioned = today.AddDays(-random.Next(0, 15 * 365));
            var produced = commissioned.AddDays(-random.Next(20, 200));
            var neverCommissioned = random.Next(50) == 0;
            var country = CountryPool[random.Next(CountryPool.Length)];
            string? gateway = null;
            if (spec.Family == ProductFamily.MonitoringGateway) gateways.Add(serial);
            else if (spec.Family == ProductFamily.MicroInverter && gateways.Count > 0) gateway = gateways[random.Next(gateways.Count)];
            var device = Make(serial, spec.Model, produced, neverCommissioned ? null : commissioned, country, gateway);
            var extend = random.Next(100) < 12;
            if (extend && spec.Family != ProductFamily.MonitoringGateway && device.BaseWarrantyStart > today.AddYears(-3))
            {
                device = device with { Extensions = [DemoExtension(device, i)] };
            }
            yield return device;
        }
    }

    private static string NextSerial(ModelSpec spec, int n)
    {
        var length = SerialNumberFormat.For(spec.Family).Length;
        var width = length - spec.Prefix.Length;
        var number = (long)Math.Pow(10, width - 1) * 5 + n; // generated numbers start at 5000…, far from the fixed ones
        return spec.Prefix + number.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width, '0');
    }

    private static DeviceRecord Make(string serial, string model, DateOnly produced, DateOnly? commissioned, string country, string? gateway)
    {
        var spec = Models.First(m => m.Model == model);
        var start = commissioned ?? produced;
        return new DeviceRecord(SerialNumber.Parse(serial, spec.Family), model, spec.Family, spec.RatedPowerW, produced, commissioned,
            start, WarrantyYears.EndOfTerm(start, spec.BaseYears), country, gateway, []);
    }

    private static CoverageExtension ExtendTo(DeviceRecord d, int years, string plan, string order) =>
        new(plan, d.BaseWarrantyEnd.AddDays(1), WarrantyYears.EndOfTerm(d.BaseWarrantyStart, years), order, "WPC-" + order[3..]);

    private static CoverageExtension DemoExtension(DeviceRecord d, int i)
    {
        var order = $"WP-{d.BaseWarrantyStart.Year}-{i:D6}";
        return d.Family switch
        {
            ProductFamily.MicroInverter => ExtendTo(d, 20, d.Model == "QT2D" ? "QT2D-TO20" : "MI-TO20", order),
            ProductFamily.StringInverter => ExtendTo(d, 15, "SI-TO15", order),
            ProductFamily.HybridInverter => new("HY-ADD5", d.BaseWarrantyEnd.AddDays(1), d.BaseWarrantyEnd.AddYears(5), order, "WPC-" + order[3..]),
            _ => new("BT-ADD5", d.BaseWarrantyEnd.AddDays(1), d.BaseWarrantyEnd.AddYears(5), order, "WPC-" + order[3..]),
        };
    }
}
