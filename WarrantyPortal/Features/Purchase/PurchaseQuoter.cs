using Microsoft.Extensions.Localization;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Vies;
using WarrantyPortal.Features.Registry;

namespace WarrantyPortal.Features.Purchase;

/// <summary>
/// Asks the catalogue about every serial number on the form in one batch (the quantity tier depends on all of them)
/// and puts each answer on its card. A plan no longer offered for a device is cleared so the buyer picks again.
/// When a remote registry does not answer, each card says so and keeps what was typed; the next lookup tries again.
/// </summary>
public sealed class PurchaseQuoter(EligibilityService eligibility, IVatNumberChecker vies, IStringLocalizer<PurchaseText>? text = null)
{
    private string RegistryDown => text?["Product_RegistryDown"] ?? "The device registry is not answering, try again shortly.";

    public async Task RefreshAsync(PurchaseForm form, CancellationToken ct = default)
    {
        var generation = ++form.QuoteGeneration;
        var taxId = form.TaxIdAccepted ? form.TaxId : null;
        if (form.TaxIdCheck is not { Outcome: not Domain.Catalog.VatCheckOutcome.Unavailable })
        {
            var check = await PurchaseTerms.CheckAsync(vies, taxId, ct);
            if (generation != form.QuoteGeneration) return;
            form.VatCheck = check;
        }
        var lines = form.Filled.ToList();
        var inputs = lines.Select(l => l.SerialNumber.Trim()).ToList();
        IReadOnlyList<DeviceQuote> quotes = [];
        try
        {
            if (inputs.Count > 0)
            {
                quotes = await eligibility.QuoteManyAsync(inputs,
                    PurchaseTerms.Request(form.Country, form.Currency, taxId, form.ProfileCode, check: form.TaxIdCheck), ct);
            }
        }
        catch (RegistryUnavailableException)
        {
            if (generation != form.QuoteGeneration) return;
            foreach (var line in lines)
            {
                line.Quote = null;
                line.ServerMessage = RegistryDown;
            }
            return;
        }
        finally
        {
            if (generation == form.QuoteGeneration)
            {
                foreach (var line in form.Lines) line.LookingUp = false;
            }
        }
        if (generation != form.QuoteGeneration) return;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!string.Equals(line.SerialNumber.Trim(), inputs[i], StringComparison.Ordinal)) continue;
            line.Quote = quotes[i];
            if (line.ServerMessage == RegistryDown) line.ServerMessage = null;
            if (line.PlanCode is not null && line.Offer is null) line.PlanCode = null;
            if (line.PlanCode is null && quotes[i].Offers.Count == 1) line.PlanCode = quotes[i].Offers[0].PlanCode;
        }
        foreach (var blank in form.Lines.Where(l => l.IsBlank)) blank.Quote = null;
    }
}
