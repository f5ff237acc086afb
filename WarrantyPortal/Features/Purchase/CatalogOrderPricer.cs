using Microsoft.Extensions.Localization;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Eligibility;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Orders;
using WarrantyPortal.Features.Vies;

namespace WarrantyPortal.Features.Purchase;

/// <summary>
/// Prices an order from the catalogue at submit: each device is looked up again, checked against the plan the buyer
/// chose, and priced with the buyer's profile, country, currency and tax number. Nothing the browser sent is reused.
/// </summary>
public sealed class CatalogOrderPricer(
    EligibilityService eligibility,
    CatalogQuery catalog,
    BuyerDirectory buyers,
    IVatNumberChecker vies,
    IStringLocalizer<EligibilityText> eligibilityText,
    IStringLocalizer<PurchaseText> t) : IOrderPricer
{
    public async Task<OrderPricing> PriceAsync(OrderPricingRequest request, CancellationToken ct)
    {
        if (Countries.Find(request.Country) is not { } country || !country.Accepts(request.Currency))
        {
            return new OrderPricing([], request.Items.Select(i => new RefusedLine(i.SerialNumber, t["Pricing_CountryCurrency"])).ToList(), false);
        }
        var profile = request.CustomerUserId is { } userId ? await buyers.ProfileCodeAsync(userId, ct) : CustomerProfile.CustomerCode;
        var vatCheck = await PurchaseTerms.CheckAsync(vies, request.TaxId, ct);
        var quote = PurchaseTerms.Request(country.Code, request.Currency, request.TaxId, profile, request.Items.Count, vatCheck);
        var quotes = await eligibility.QuoteManyAsync(request.Items.Select(i => i.SerialNumber).ToList(), quote, ct);
        IReadOnlyList<ExtensionPlan>? plans = null;

        var lines = new List<PricedLine>();
        var refused = new List<RefusedLine>();
        for (var i = 0; i < request.Items.Count; i++)
        {
            var item = request.Items[i];
            var q = quotes[i];
            if (q.Offers.FirstOrDefault(o => o.PlanCode == item.PlanCode) is { } offer)
            {
                var device = q.Device!;
                lines.Add(new PricedLine(device.SerialNumber.Value, device.Model, $"{device.Model} · {eligibilityText.FamilyName(device.Family)}",
                    offer.PlanCode, offer.Name, offer.ListNet.Minor, offer.UnitNet.Minor, PurchaseTerms.BasisPoints(offer.Tax.Rate)));
                continue;
            }
            if (q.RefusalMessage is { } deviceMessage && (q.Refusal?.IsAboutDevice ?? true))
            {
                refused.Add(new RefusedLine(q.SerialNumber ?? item.SerialNumber, deviceMessage));
                continue;
            }
            // The device may be extended, but not with this plan: say why this plan is refused.
            plans ??= await catalog.PlansAsync(includeRetired: true, ct);
            var plan = plans.FirstOrDefault(p => p.Code == item.PlanCode);
            var message = plan is null ? null : (await eligibility.DecideAsync(item.SerialNumber, plan.Id, quote, ct)).Message;
            refused.Add(new RefusedLine(q.SerialNumber ?? item.SerialNumber, message ?? t["Pricing_PlanUnavailable"]));
        }
        return new OrderPricing(lines, refused, PurchaseTerms.IsReverseCharge(request.TaxId, vatCheck), vatCheck);
    }
}
