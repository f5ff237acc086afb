namespace WarrantyPortal.Domain.Catalog;

public enum VatCheckOutcome
{
    /// <summary>VIES confirms the number is registered for intra-EU trade.</summary>
    Valid,

    /// <summary>VIES answers that the number is not registered: no reverse charge.</summary>
    Invalid,

    /// <summary>VIES did not answer in time or answered something unreadable: only the format was checked ("unverified").</summary>
    Unavailable,
}

/// <summary>
/// What the EU's VIES service said about a VAT number, and when. Kept with the order as the evidence behind
/// charging no VAT (reverse charge) or charging it.
/// </summary>
public sealed record VatVerification(string VatNumber, VatCheckOutcome Outcome, DateTime CheckedAtUtc,
    string? Name = null, string? Address = null, string? ConsultationNumber = null)
{
    /// <summary>A business may be invoiced without VAT unless VIES says the number is not registered.</summary>
    public bool AllowsReverseCharge => Outcome != VatCheckOutcome.Invalid;

    public static VatVerification Unavailable(string vatNumber, DateTime atUtc) => new(vatNumber, VatCheckOutcome.Unavailable, atUtc);
}
