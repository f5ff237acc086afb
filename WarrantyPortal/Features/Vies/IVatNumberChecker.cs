using WarrantyPortal.Domain.Catalog;

namespace WarrantyPortal.Features.Vies;

/// <summary>Asks the EU whether a well-formed VAT number is registered (the VIES service).</summary>
public interface IVatNumberChecker
{
    /// <summary>
    /// VIES's answer, or <see cref="VatCheckOutcome.Unavailable"/> when it cannot be had (slow, down, unreadable);
    /// null when checking is switched off, so only the format counts. Never throws for an outside failure.
    /// </summary>
    Task<VatVerification?> CheckAsync(VatNumber number, CancellationToken ct = default);
}

/// <summary>Checking switched off (<c>Vies:Enabled=false</c>): the format check alone decides.</summary>
public sealed class FormatOnlyVatNumberChecker : IVatNumberChecker
{
    public Task<VatVerification?> CheckAsync(VatNumber number, CancellationToken ct = default) => Task.FromResult<VatVerification?>(null);
}
