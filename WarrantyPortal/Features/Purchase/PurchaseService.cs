using Microsoft.Extensions.Localization;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Domain.Eligibility;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Features.Purchase;

/// <summary>The quick-purchase page's commands: open the draft, keep it saved, preview the order and submit it.</summary>
public sealed class PurchaseService(
    PurchaseQuoter quoter,
    PurchaseDraftService drafts,
    AddressBook addresses,
    BuyerDirectory buyers,
    OrderSubmissionService submission,
    IStringLocalizer<EligibilityText> eligibilityText,
    TimeProvider clock)
{
    /// <summary>
    /// The buyer's draft (a visitor's draft becomes theirs when <paramref name="anonymousId"/> is given after sign-in),
    /// prefilled from the account and priced again.
    /// </summary>
    public async Task<PurchaseForm> OpenAsync(string? userId, string? anonymousId, CancellationToken ct = default) =>
        await OpenAsync(userId, anonymousId, [], ct);

    /// <summary>Opens the buyer's draft and adds the serial numbers a link carried (e.g. /buy?sn=…&amp;sn=…).</summary>
    public async Task<PurchaseForm> OpenAsync(string? userId, string? anonymousId, IReadOnlyList<string> prefill, CancellationToken ct = default)
    {
        PurchaseDraftContent? content;
        if (userId is not null)
        {
            content = anonymousId is not null
                ? await drafts.ClaimAnonymousAsync(anonymousId, userId, ct)
                : await drafts.LoadAsync(DraftOwner.User(userId), ct);
        }
        else
        {
            content = anonymousId is null ? null : await drafts.LoadAsync(DraftOwner.Anonymous(anonymousId), ct);
        }
        var account = userId is null ? null : await buyers.AccountAsync(userId, ct);
        var form = PurchaseForm.From(content, account);
        if (userId is not null) form.ProfileCode = await buyers.ProfileCodeAsync(userId, ct);
        form.Prefill(prefill);
        await quoter.RefreshAsync(form, ct);
        return form;
    }

    public Task RefreshAsync(PurchaseForm form, CancellationToken ct = default) => quoter.RefreshAsync(form, ct);

    public Task SaveDraftAsync(DraftOwner owner, PurchaseForm form, CancellationToken ct = default) =>
        drafts.SaveAsync(owner, form.ToContent(), ct);

    /// <summary>The buyer's address book (the one of My account), installation addresses first.</summary>
    public async Task<IReadOnlyList<ContactAddress>> AddressesAsync(string? userId, CancellationToken ct = default) =>
        userId is null ? [] : [.. (await addresses.ListAsync(userId, ct: ct)).OrderByDescending(a => a.Kind == AddressKind.Installation)];

    /// <summary>
    /// Keeps the installation address in the buyer's address book under their own label.
    /// Null when the address lacks what the address book needs (e.g. a postal code).
    /// </summary>
    public async Task<ContactAddress?> SaveAddressAsync(string userId, PurchaseForm form, string label, CancellationToken ct = default)
    {
        var address = new AddressForm
        {
            Kind = AddressKind.Installation, Label = label, Recipient = string.IsNullOrWhiteSpace(form.FullName) ? form.PayerName : form.FullName,
            Line1 = form.Line1, Line2 = form.Line2, PostalCode = form.PostalCode, City = form.City, Country = form.Country, Phone = form.Phone,
        };
        return address.MissingFields().Count > 0 ? null : await addresses.SaveAsync(userId, address, ct);
    }

    /// <summary>The order as it would be placed now, for the review step.</summary>
    public OrderDraft ToDraft(PurchaseForm form) => new(
        form.ToBuyer(),
        form.Currency,
        form.PricedLines.Select(p => new PricedLine(p.Line.Device!.SerialNumber.Value, p.Line.Device.Model,
            $"{p.Line.Device.Model} · {eligibilityText.FamilyName(p.Line.Device.Family)}", p.Offer.PlanCode, p.Offer.Name,
            p.Offer.ListNet.Minor, p.Offer.UnitNet.Minor, PurchaseTerms.BasisPoints(p.Offer.Tax.Rate))).ToList(),
        form.ReverseCharge,
        string.IsNullOrWhiteSpace(form.Remark) ? null : form.Remark,
        form.NeedsConsent && form.ConsentToImmediateStart);

    public Order Preview(string userId, PurchaseForm form) => ToDraft(form).ToPreview(userId, clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Places the order. Devices the server refuses are marked on their cards; changed prices are loaded into the form
    /// so the buyer sees and confirms the new amounts.
    /// </summary>
    public async Task<SubmitResult> SubmitAsync(string userId, PurchaseForm form, CancellationToken ct = default)
    {
        var result = await submission.SubmitAsync(userId, ToDraft(form), ct);
        switch (result.Outcome)
        {
            case SubmitOutcome.Refused:
                foreach (var refused in result.Refused)
                {
                    foreach (var line in form.Lines.Where(l => string.Equals(l.Device?.SerialNumber.Value ?? l.SerialNumber.Trim(), refused.SerialNumber, StringComparison.OrdinalIgnoreCase)))
                    {
                        line.ServerMessage = refused.Reason;
                    }
                }
                await quoter.RefreshAsync(form, ct);
                break;
            case SubmitOutcome.PricesChanged:
                // The server may have heard from VIES since: ask again (its answer is cached) rather than keep the form's.
                form.VatCheck = null;
                await quoter.RefreshAsync(form, ct);
                break;
        }
        return result;
    }
}
