using Microsoft.EntityFrameworkCore;
using WarrantyPortal.Data;

namespace WarrantyPortal.Features.Fulfilment;

public enum VerificationState
{
    Valid,
    Expired,
    Revoked,
    Unknown,
}

/// <summary>What the public verification page shows: the device and dates, nothing about the holder.</summary>
public sealed record CertificateCheck(
    string Number, VerificationState State, string? Model = null, string? SerialNumber = null, DateOnly? BaseWarrantyStart = null,
    DateOnly? BaseWarrantyEnd = null, DateOnly? NewWarrantyEnd = null, string? PlanName = null, DateOnly? IssueDate = null);

public sealed class CertificateVerification(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock)
{
    public async Task<CertificateCheck> CheckAsync(string number, CancellationToken ct = default)
    {
        var normalised = (number ?? "").Trim().ToUpperInvariant();
        if (normalised.Length is 0 or > 20) return new(normalised, VerificationState.Unknown);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Certificates.AsNoTracking().Where(x => x.Number == normalised)
            .Select(x => new { x.Status, x.Model, x.SerialNumber, x.BaseWarrantyStart, x.BaseWarrantyEnd, x.NewWarrantyEnd, x.PlanName, x.IssueDate })
            .SingleOrDefaultAsync(ct);
        if (c is null) return new(normalised, VerificationState.Unknown);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var state = c.Status == CertificateStatus.Revoked ? VerificationState.Revoked
            : today > c.NewWarrantyEnd ? VerificationState.Expired : VerificationState.Valid;
        return new(normalised, state, c.Model, c.SerialNumber, c.BaseWarrantyStart, c.BaseWarrantyEnd, c.NewWarrantyEnd, c.PlanName, c.IssueDate);
    }
}
