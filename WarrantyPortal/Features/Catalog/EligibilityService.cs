using System.Globalization;
using Microsoft.Extensions.Localization;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Eligibility;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Registry;

namespace WarrantyPortal.Features.Catalog;

/// <summary>
/// Who is buying, where and in what currency. <see cref="Quantity"/> is the number of devices in the order for the
/// quantity tier (by default the number of distinct valid serial numbers asked about). <see cref="ExcludingOrderNumber"/>
/// lets an order being edited not count as "another open order" for its own devices.
/// </summary>
public sealed record QuoteRequest(
    string CountryCode,
    string Currency,
    string ProfileCode = CustomerProfile.CustomerCode,
    BuyerKind Buyer = BuyerKind.Consumer,
    VatNumber? VatNumber = null,
    int? Quantity = null,
    string? ExcludingOrderNumber = null);

/// <summary>A plan that may be bought for the device: resulting coverage and price (see <see cref="TaxQuote"/>).</summary>
public sealed record PlanOffer(
    int PlanId,
    string PlanCode,
    string Name,
    TermRule Term,
    DateOnly NewStart,
    DateOnly NewEnd,
    int TotalYears,
    Money ListNet,
    Money UnitNet,
    TaxQuote Tax,
    Money DisplayedPrice);

/// <summary>
/// The answer for one serial number as typed: the device (null when malformed or unknown), the plans it may have,
/// and, when it may have none, the refusal and its message in the current UI language.
/// </summary>
public sealed record DeviceQuote(string Input, string? SerialNumber, DeviceRecord? Device, IReadOnlyList<PlanOffer> Offers, Refusal? Refusal, string? RefusalMessage)
{
    public bool CanExtend => Offers.Count > 0;
}

/// <summary>
/// Answers "for serial number x in country c, currency k, buyer profile p: which device is it, what are its warranty dates,
/// which plans may it have at what price, or why not". The purchase form and batch import call this; the rule itself is
/// <see cref="EligibilityRule"/>. Throws <see cref="RegistryUnavailableException"/> when a remote registry does not answer.
/// </summary>
public sealed class EligibilityService(
    IDeviceRegistry registry,
    CatalogQuery catalog,
    IOpenOrderLookup openOrders,
    IStringLocalizer<EligibilityText> text,
    TimeProvider clock)
{
    public async Task<DeviceQuote> QuoteAsync(string serialNumber, QuoteRequest request, CancellationToken ct = default) =>
        (await QuoteManyAsync([serialNumber], request, ct))[0];

    /// <summary>One answer per input, in input order. Registry and open-order lookups are batched, never one per row.</summary>
    public async Task<IReadOnlyList<DeviceQuote>> QuoteManyAsync(IReadOnlyList<string> serialNumbers, QuoteRequest request, CancellationToken ct = default)
    {
        var country = Countries.Find(request.CountryCode) ?? throw new ArgumentException($"Unknown country code '{request.CountryCode}'.", nameof(request));
        var parsed = serialNumbers.Select(s => SerialNumber.TryParse(s, out var sn) ? sn : (SerialNumber?)null).ToList();
        var valid = parsed.OfType<SerialNumber>().Distinct().ToList();
        var devices = await registry.FindManyAsync(valid, ct);
        var inOrders = await openOrders.SerialNumbersInOpenOrdersAsync(devices.Keys.Select(s => s.Value).ToList(), request.ExcludingOrderNumber, ct);
        var plans = await catalog.PlansAsync(includeRetired: false, ct);
        var sale = new SaleContext(country, request.Currency.ToUpperInvariant(), Today, await catalog.ProfileAsync(request.ProfileCode, ct),
            Math.Max(1, request.Quantity ?? valid.Count), request.Buyer, request.VatNumber, TaxRule.Default);

        var quotes = new List<DeviceQuote>(serialNumbers.Count);
        for (var i = 0; i < serialNumbers.Count; i++)
        {
            var input = serialNumbers[i] ?? "";
            var device = parsed[i] is { } sn && devices.TryGetValue(sn, out var d) ? d : null;
            quotes.Add(Quote(input, device, device is not null && inOrders.Contains(device.SerialNumber.Value), plans, sale, request.Buyer));
        }
        return quotes;
    }

    /// <summary>
    /// The rule for one device and one plan, retired plans included (they are refused as such): what an order line is
    /// checked with when it is submitted.
    /// </summary>
    public async Task<(EligibilityResult Result, string? Message)> DecideAsync(string serialNumber, int planId, QuoteRequest request, CancellationToken ct = default)
    {
        var country = Countries.Find(request.CountryCode) ?? throw new ArgumentException($"Unknown country code '{request.CountryCode}'.", nameof(request));
        var plan = await catalog.PlanAsync(planId, ct) ?? throw new ArgumentException($"There is no plan {planId}.", nameof(planId));
        DeviceRecord? device = null;
        var inOrder = false;
        if (Domain.Registry.SerialNumber.TryParse(serialNumber, out var sn))
        {
            device = await registry.FindAsync(sn, ct);
            inOrder = device is not null && (await openOrders.SerialNumbersInOpenOrdersAsync([sn.Value], request.ExcludingOrderNumber, ct)).Contains(sn.Value);
        }
        var sale = new SaleContext(country, request.Currency.ToUpperInvariant(), Today, await catalog.ProfileAsync(request.ProfileCode, ct),
            Math.Max(1, request.Quantity ?? 1), request.Buyer, request.VatNumber, TaxRule.Default);
        var result = EligibilityRule.Decide(new EligibilityRequest(serialNumber, device, plan, sale, inOrder));
        return (result, result.Refusal is { } r ? text.Describe(r) : null);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private DeviceQuote Quote(string input, DeviceRecord? device, bool inOrder, IReadOnlyList<ExtensionPlan> plans, SaleContext sale, BuyerKind buyer)
    {
        if (EligibilityRule.CheckDevice(input, device, sale.Today, inOrder) is { } deviceRefusal)
        {
            return new DeviceQuote(input, device?.SerialNumber.Value ?? Normalized(input, deviceRefusal), device, [], deviceRefusal, text.Describe(deviceRefusal));
        }
        var results = plans.Where(p => p.Family == device!.Family)
            .Select(p => EligibilityRule.Decide(new EligibilityRequest(input, device, p, sale, inOrder)))
            .ToList();
        var culture = CultureInfo.CurrentUICulture;
        var offers = results.Select(r => r.Offer).OfType<Offer>()
            .Select(o => new PlanOffer(o.Plan.Id, o.Plan.Code, o.Plan.Name(culture), o.Plan.Term, o.NewStart, o.NewEnd, o.TotalYears,
                o.ListNet, o.UnitNet, o.Tax, o.Tax.Displayed(buyer)))
            .OrderBy(o => o.NewEnd).ThenBy(o => o.UnitNet.Minor)
            .ToList();
        Refusal? refusal = null;
        if (offers.Count == 0)
        {
            // The most telling reason: a plan for this very model that failed on its terms, else "nothing for this model".
            refusal = results.Select(r => r.Refusal!).FirstOrDefault(r => r.Code != RefusalCode.NotSoldForModel)
                ?? new Refusal(RefusalCode.NotSoldForModel, device!.SerialNumber.Value, device.Family);
        }
        return new DeviceQuote(input, device!.SerialNumber.Value, device, offers, refusal, refusal is null ? null : text.Describe(refusal));
    }

    private static string? Normalized(string input, Refusal refusal) =>
        refusal.Code == RefusalCode.MalformedSerialNumber ? null : Domain.Registry.SerialNumber.Normalize(input);
}
