using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Registry;

namespace WarrantyPortal.Domain.Eligibility;

/// <summary>Where and to whom a plan is being sold, and on which day.</summary>
public sealed record SaleContext(
    Country Country,
    string Currency,
    DateOnly Today,
    CustomerProfile Profile,
    int Quantity,
    BuyerKind Buyer,
    VatNumber? VatNumber,
    TaxRule Tax);

/// <summary>
/// One device (null when the registry does not know it), one plan, one sale. <paramref name="SerialNumberInput"/> is what
/// the customer typed; <paramref name="InOpenOrder"/> says whether another open order already holds the device.
/// </summary>
public sealed record EligibilityRequest(string SerialNumberInput, DeviceRecord? Device, ExtensionPlan Plan, SaleContext Sale, bool InOpenOrder = false);

/// <summary>A plan that may be sold: the coverage it gives and the price for this buyer.</summary>
public sealed record Offer(ExtensionPlan Plan, DateOnly NewStart, DateOnly NewEnd, int TotalYears, Money ListNet, Money UnitNet, TaxQuote Tax);

public sealed record EligibilityResult(Offer? Offer, Refusal? Refusal)
{
    public bool IsEligible => Offer is not null;

    public static EligibilityResult Refused(Refusal refusal) => new(null, refusal);
}

public static class EligibilityRule
{
    /// <summary>
    /// Decides whether <c>request.Plan</c> may be sold for the device and at what price, or why not.
    /// Device checks come first (so every plan gives the same answer for a device that cannot be extended),
    /// then the plan's reach, then its terms, then the price.
    /// </summary>
    public static EligibilityResult Decide(EligibilityRequest request, FamilyPolicy? policy = null)
    {
        var (input, found, plan, sale, inOpenOrder) = request;
        if (CheckDevice(input, found, sale.Today, inOpenOrder, policy) is { } refusal) return EligibilityResult.Refused(refusal);
        var device = found!; // CheckDevice refuses unknown devices
        policy ??= FamilyPolicy.For(device.Family);
        var serial = device.SerialNumber.Value;

        if (plan.Retired) return Refuse(RefusalCode.PlanRetired, serial, device.Family);
        if (!plan.IsForModel(device)) return Refuse(RefusalCode.NotSoldForModel, serial, device.Family);
        if (!plan.IsForCountry(sale.Country.Code)) return Refuse(RefusalCode.NotSoldForCountry, serial, device.Family);

        var newEnd = plan.Term.NewEnd(device);
        if (newEnd <= device.CoverageEnd) return Refuse(RefusalCode.WouldNotLengthen, serial, device.Family, device.CoverageEnd);
        var longest = WarrantyYears.EndOfTerm(device.BaseWarrantyStart, policy.LongestTotalYears);
        if (newEnd > longest) return Refuse(RefusalCode.ExceedsLongestTerm, serial, device.Family, longest);

        if (!sale.Country.Accepts(sale.Currency)) return Refuse(RefusalCode.CurrencyNotAccepted, serial, device.Family);
        if (plan.ListNet(sale.Currency) is not { } listNet) return Refuse(RefusalCode.NoPriceInCurrency, serial, device.Family);

        var unitNet = sale.Profile.UnitNet(listNet, sale.Quantity);
        var tax = sale.Tax.Apply(unitNet, sale.Country.Code, sale.Buyer, sale.VatNumber);
        var start = device.CoverageEnd.AddDays(1);
        return new EligibilityResult(
            new Offer(plan, start, newEnd, WarrantyYears.Between(device.BaseWarrantyStart, newEnd), listNet, unitNet, tax),
            null);
    }

    /// <summary>
    /// The checks about the device alone, the same for every plan: its serial number, whether the registry knows it,
    /// an open order, an extension already bought, the base warranty and the family's window. Null when it may be extended.
    /// </summary>
    public static Refusal? CheckDevice(string input, DeviceRecord? device, DateOnly today, bool inOpenOrder = false, FamilyPolicy? policy = null)
    {
        if (!SerialNumber.TryParse(input, out var sn)) return new Refusal(RefusalCode.MalformedSerialNumber, input.Trim());
        if (device is null || device.SerialNumber != sn) return new Refusal(RefusalCode.UnknownSerialNumber, sn.Value);
        policy ??= FamilyPolicy.For(device.Family);
        var serial = sn.Value;
        if (inOpenOrder) return new Refusal(RefusalCode.DeviceInOpenOrder, serial, device.Family);
        if (device.HasExtension) return new Refusal(RefusalCode.AlreadyExtended, serial, device.Family, device.CoverageEnd);
        if (today > device.BaseWarrantyEnd) return new Refusal(RefusalCode.BaseWarrantyExpired, serial, device.Family, device.BaseWarrantyEnd);
        var lastDay = policy.Window.LastDay(device);
        return today > lastDay ? new Refusal(RefusalCode.TooLateToExtend, serial, device.Family, lastDay) : null;
    }

    private static EligibilityResult Refuse(RefusalCode code, string serial, ProductFamily? family = null, DateOnly? date = null) =>
        EligibilityResult.Refused(new Refusal(code, serial, family, date));
}
