using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Catalog;
using WarrantyPortal.Domain.Orders;
using WarrantyPortal.Domain.Registry;
using WarrantyPortal.Features.Catalog;
using WarrantyPortal.Features.Orders;

namespace WarrantyPortal.Features.Purchase;

/// <summary>One product card: the serial number as typed, what the catalogue answered for it, and the plan chosen.</summary>
public sealed class ProductLine
{
    public Guid Key { get; } = Guid.NewGuid();
    public string SerialNumber { get; set; } = "";
    public string? PlanCode { get; set; }
    public DeviceQuote? Quote { get; set; }
    public bool LookingUp { get; set; }

    /// <summary>Set when the server refused the device at submit (it became ineligible meanwhile).</summary>
    public string? ServerMessage { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(SerialNumber);
    public DeviceRecord? Device => Quote?.Device;
    public PlanOffer? Offer => Quote?.Offers.FirstOrDefault(o => o.PlanCode == PlanCode);

    /// <summary>The quote answers what is typed now (not an earlier value still on screen).</summary>
    public bool QuoteIsCurrent => Quote is not null && string.Equals(Quote.Input.Trim(), SerialNumber.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The quick-purchase form's state: country and currency, purchaser, product lines with their quotes. It decides what
/// follows from what the buyer entered (currencies for a country, consumer or business, reverse charge, totals) and
/// what still blocks "Confirm order"; the services do the lookups.
/// </summary>
public sealed class PurchaseForm
{
    public string Country { get; private set; } = "FR";
    public string Currency { get; set; } = "EUR";
    public string FullName { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public PayerKind PayerKind { get; set; }
    public string PayerName { get; set; } = "";
    public string TaxId { get; set; } = "";
    public string Line1 { get; set; } = "";
    public string Line2 { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";
    public string Remark { get; set; } = "";
    public bool ConsentToImmediateStart { get; set; }
    public List<ProductLine> Lines { get; } = [new()];

    /// <summary>The buyer profile whose discount terms the prices carry.</summary>
    public string ProfileCode { get; set; } = CustomerProfile.CustomerCode;

    /// <summary>Bumped by every lookup so an older answer arriving late is not applied.</summary>
    public int QuoteGeneration { get; set; }

    public Country CountryInfo => Countries.Get(Country);
    public IReadOnlyList<string> CurrencyOptions => CountryInfo.Currencies;

    /// <summary>Changing the country keeps the currency when the new country accepts it, else takes its settlement currency.</summary>
    public void ChangeCountry(string code)
    {
        var country = Countries.Get(code);
        Country = country.Code;
        if (!country.Accepts(Currency)) Currency = country.DefaultCurrency;
    }

    public bool IsConsumer => PurchaseTerms.KindFor(TaxId) == BuyerKind.Consumer;
    public bool TaxIdAccepted => PurchaseTerms.IsTaxIdAccepted(Country, TaxId);
    public bool ReverseCharge => TaxIdAccepted && PurchaseTerms.IsReverseCharge(TaxId, TaxIdCheck);

    /// <summary>VIES's answer about the tax number as typed now (null: not asked, or about an earlier number).</summary>
    public VatVerification? TaxIdCheck => VatCheck is { } c && PurchaseTerms.VatNumberOf(TaxId)?.Value == c.VatNumber ? c : null;

    /// <summary>The last VIES answer the form received; <see cref="TaxIdCheck"/> tells whether it is about the current number.</summary>
    public VatVerification? VatCheck { get; set; }

    /// <summary>VIES says the number is not registered: VAT is charged and the buyer is told under the field.</summary>
    public bool TaxIdNotRegistered => TaxIdAccepted && TaxIdCheck is { Outcome: VatCheckOutcome.Invalid };

    /// <summary>A consumer in the EU starting the cover at once confirms they know it affects the 14-day withdrawal right.</summary>
    public bool NeedsConsent => WithdrawalRight.Applies(Country, TaxId);

    public IEnumerable<ProductLine> Filled => Lines.Where(l => !l.IsBlank);

    /// <summary>Adds the devices a link asked for ("extend" from My devices), skipping those already on the form.</summary>
    public void Prefill(IEnumerable<string> serialNumbers)
    {
        foreach (var sn in serialNumbers.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var key = Domain.Registry.SerialNumber.Normalize(sn);
            if (Lines.Any(l => !l.IsBlank && Domain.Registry.SerialNumber.Normalize(l.SerialNumber) == key)) continue;
            var blank = Lines.FirstOrDefault(l => l.IsBlank);
            (blank ?? AddLine()).SerialNumber = sn;
        }
    }

    public ProductLine AddLine()
    {
        var line = new ProductLine();
        Lines.Add(line);
        return line;
    }

    public void RemoveLine(ProductLine line)
    {
        Lines.Remove(line);
        if (Lines.Count == 0) Lines.Add(new ProductLine());
    }

    /// <summary>True when an earlier card already holds this device.</summary>
    public bool IsDuplicate(ProductLine line)
    {
        if (line.IsBlank) return false;
        var key = Normalized(line.SerialNumber);
        return Lines.TakeWhile(l => l != line).Any(l => !l.IsBlank && Normalized(l.SerialNumber) == key);
    }

    public PostalAddress InstallationAddress => new()
    {
        Line1 = Line1.Trim(), Line2 = string.IsNullOrWhiteSpace(Line2) ? null : Line2.Trim(), PostalCode = PostalCode.Trim(), City = City.Trim(), Country = Country,
    };

    public BuyerSnapshot ToBuyer() => new()
    {
        FullName = FullName.Trim(), Country = Country, Phone = Phone.Trim(), Email = Email.Trim(), PayerKind = PayerKind,
        PayerName = PayerName.Trim(), TaxId = string.IsNullOrWhiteSpace(TaxId) ? null : TaxId.Trim(), InstallationAddress = InstallationAddress,
    };

    /// <summary>The lines that can be ordered as they stand, with their prices.</summary>
    public IReadOnlyList<(ProductLine Line, PlanOffer Offer)> PricedLines =>
        Lines.Where(l => l.QuoteIsCurrent && l.Offer is not null && !IsDuplicate(l) && l.ServerMessage is null).Select(l => (l, l.Offer!)).ToList();

    public OrderTotals Totals => OrderTotals.Compute(
        PricedLines.Select(p => new OrderLine(p.Line.Device!.SerialNumber.Value, p.Line.Device.Model, p.Line.Device.Model, p.Offer.PlanCode, p.Offer.Name,
            p.Offer.ListNet.Minor, p.Offer.UnitNet.Minor, PurchaseTerms.BasisPoints(p.Offer.Tax.Rate))),
        Currency, ReverseCharge);

    /// <summary>What still stands between the buyer and "Confirm order", as message keys of <see cref="PurchaseText"/>.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(FullName)) problems.Add("Problem_FullName");
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@')) problems.Add("Problem_Email");
        if (string.IsNullOrWhiteSpace(PayerName)) problems.Add("Problem_Payer");
        if (!TaxIdAccepted) problems.Add("Problem_TaxId");
        if (!InstallationAddress.IsComplete) problems.Add("Problem_Address");
        if (!Filled.Any()) problems.Add("Problem_NoProduct");
        if (Filled.Any(l => l.LookingUp || !l.QuoteIsCurrent)) problems.Add("Problem_LookingUp");
        else if (Filled.Any(l => !l.Quote!.CanExtend || IsDuplicate(l) || l.ServerMessage is not null)) problems.Add("Problem_Refused");
        else if (Filled.Any(l => l.Offer is null)) problems.Add("Problem_Plan");
        if (NeedsConsent && !ConsentToImmediateStart) problems.Add("Problem_Consent");
        return problems;
    }

    public PurchaseDraftContent ToContent() => new()
    {
        Country = Country, Currency = Currency, FullName = FullName, Phone = Phone, Email = Email, PayerKind = PayerKind, PayerName = PayerName,
        TaxId = TaxId, InstallationAddress = InstallationAddress, Remark = Remark, ConsentToImmediateStart = ConsentToImmediateStart,
        Lines = Lines.Select(l => new PurchaseDraftLine(l.SerialNumber, l.PlanCode)).ToList(),
    };

    /// <summary>A form from a saved draft; what the draft leaves empty comes from the account.</summary>
    public static PurchaseForm From(PurchaseDraftContent? draft, BuyerAccount? account)
    {
        var form = new PurchaseForm();
        var country = Countries.Find(draft?.Country) ?? Countries.Find(account?.Country) ?? Countries.Get("FR");
        form.Country = country.Code;
        form.Currency = draft?.Currency is { } c && country.Accepts(c) ? c.ToUpperInvariant() : country.DefaultCurrency;
        form.FullName = Pick(draft?.FullName, account?.FullName);
        form.Phone = Pick(draft?.Phone, account?.Phone);
        form.Email = Pick(draft?.Email, account?.Email);
        form.PayerKind = draft?.PayerKind ?? (string.IsNullOrWhiteSpace(account?.Company) ? PayerKind.Person : PayerKind.Company);
        form.PayerName = Pick(draft?.PayerName, Pick(account?.Company, account?.FullName));
        form.TaxId = Pick(draft?.TaxId, account?.TaxId);
        var address = draft?.InstallationAddress;
        form.Line1 = address?.Line1 ?? "";
        form.Line2 = address?.Line2 ?? "";
        form.PostalCode = address?.PostalCode ?? "";
        form.City = address?.City ?? "";
        form.Remark = draft?.Remark ?? "";
        form.ConsentToImmediateStart = draft?.ConsentToImmediateStart ?? false;
        if (draft?.Lines is { Count: > 0 } lines)
        {
            form.Lines.Clear();
            form.Lines.AddRange(lines.Select(l => new ProductLine { SerialNumber = l.SerialNumber, PlanCode = l.PlanCode }));
        }
        return form;
    }

    public void UseAddress(PostalAddress address)
    {
        Line1 = address.Line1;
        Line2 = address.Line2 ?? "";
        PostalCode = address.PostalCode;
        City = address.City;
    }

    private static string Pick(string? first, string? fallback) => !string.IsNullOrWhiteSpace(first) ? first : fallback ?? "";

    private static string Normalized(string serial) => Domain.Registry.SerialNumber.Normalize(serial);
}
