using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Features.Catalog;

/// <summary>The demo catalogue: plans for every family but gateways, priced in EUR, USD, GBP, CNY and AUD, and the three buyer profiles.</summary>
public sealed class CatalogDemoSeeder(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock) : IDemoSeeder
{
    public int Order => 10;

    private static readonly string[] Europe = [.. Countries.All.Where(c => c.IsEu).Select(c => c.Code), "GB", "CH"];

    public async Task SeedAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.BuyerProfiles.AnyAsync(ct))
        {
            db.BuyerProfiles.AddRange(CustomerProfile.Defaults.Select(p => new BuyerProfile
            {
                Code = p.Code,
                NameEn = p.NameEn,
                NameFr = p.NameFr,
                DiscountBasisPoints = p.DiscountBasisPoints,
                Tiers = p.Tiers.Select(t => new BuyerProfileTier { MinQuantity = t.MinQuantity, DiscountBasisPoints = t.DiscountBasisPoints }).ToList(),
            }));
        }
        if (!await db.Plans.AnyAsync(ct))
        {
            db.Plans.AddRange(Plans(now));
        }
        await db.SaveChangesAsync(ct);
    }

    public static IEnumerable<Plan> Plans(DateTime now)
    {
        // Prices: EUR, USD, GBP, CNY, AUD in minor units.
        yield return Make("MI-TO20", "DS3 micro inverter: extend to 20 years", "Micro-onduleur DS3 : extension à 20 ans", ProductFamily.MicroInverter,
            TermKind.ExtendTotalTo, 20, "DS3-H,DS3-L", "", [2_400, 2_600, 2_100, 18_800, 3_900], now);
        yield return Make("MI-TO25", "DS3 micro inverter: extend to 25 years", "Micro-onduleur DS3 : extension à 25 ans", ProductFamily.MicroInverter,
            TermKind.ExtendTotalTo, 25, "DS3-H,DS3-L", "", [3_900, 4_200, 3_400, 30_500, 6_300], now);
        yield return Make("QT2D-TO20", "QT2D ext wty: extend to 20 years", "QT2D : extension de garantie à 20 ans", ProductFamily.MicroInverter,
            TermKind.ExtendTotalTo, 20, "QT2D", "", [2_400, 2_600, 2_100, 18_800, 3_900], now);
        yield return Make("QT2D-TO25", "QT2D ext wty: extend to 25 years", "QT2D : extension de garantie à 25 ans", ProductFamily.MicroInverter,
            TermKind.ExtendTotalTo, 25, "QT2D", "", [3_600, 3_900, 3_100, 28_200, 5_900], now);
        yield return Make("SI-TO15", "String inverter: extend to 15 years", "Onduleur string : extension à 15 ans", ProductFamily.StringInverter,
            TermKind.ExtendTotalTo, 15, "", "", [29_900, 32_900, 25_900, 234_000, 48_900], now);
        yield return Make("SI-TO20", "String inverter: extend to 20 years", "Onduleur string : extension à 20 ans", ProductFamily.StringInverter,
            TermKind.ExtendTotalTo, 20, "", "", [44_900, 48_900, 38_900, 352_000, 73_900], now);
        yield return Make("HY-ADD5", "Hybrid inverter: add 5 years", "Onduleur hybride : 5 ans de plus", ProductFamily.HybridInverter,
            TermKind.AddYears, 5, "", "", [39_900, 43_900, 34_900, 312_000, 65_900], now);
        yield return Make("HY-ADD10", "Hybrid inverter: add 10 years", "Onduleur hybride : 10 ans de plus", ProductFamily.HybridInverter,
            TermKind.AddYears, 10, "", "", [69_900, 76_900, 60_900, 548_000, 114_900], now);
        yield return Make("BT-ADD5", "Battery: add 5 years (Europe)", "Batterie : 5 ans de plus (Europe)", ProductFamily.Battery,
            TermKind.AddYears, 5, "", string.Join(",", Europe), [24_900, 26_900, 21_900, 195_000, 40_900], now);
        var retired = Make("MI-TO15", "Micro inverter: extend to 15 years (2023 offer)", "Micro-onduleur : extension à 15 ans (offre 2023)",
            ProductFamily.MicroInverter, TermKind.ExtendTotalTo, 15, "", "", [1_500, 1_700, 1_300, 11_800, 2_500], now.AddYears(-3));
        retired.RetiredAtUtc = now.AddYears(-1);
        yield return retired;
    }

    private static readonly string[] Currencies = ["EUR", "USD", "GBP", "CNY", "AUD"];

    private static Plan Make(string code, string en, string fr, ProductFamily family, TermKind kind, int years, string models, string countries, long[] prices, DateTime now) => new()
    {
        Code = code,
        NameEn = en,
        NameFr = fr,
        Family = family,
        TermKind = kind,
        TermYears = years,
        Models = models,
        Countries = countries,
        CreatedAtUtc = now,
        Prices = Currencies.Zip(prices, (c, p) => new PlanPrice { Currency = c, NetMinor = p }).ToList(),
    };
}
