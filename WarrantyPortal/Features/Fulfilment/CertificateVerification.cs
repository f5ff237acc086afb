using System.Globalization;
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
    DateOnly? BaseWarrantyEnd = null, DateOnly? NewWarrantyEnd = null, string? PlanName = null, DateOnly? IssueDate = null,
    bool RecordedInRegistry = false);

public sealed class CertificateVerification(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock)
{
    public async Task<CertificateCheck> CheckAsync(string number, CancellationToken ct = default)
    {
        var normalised = (number ?? "").Trim().ToUpperInvariant();
        if (normalised.Length is 0 or > 40) return new(normalised, VerificationState.Unknown);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Certificates.AsNoTracking().Where(x => x.Number == normalised)
            .Select(x => new { x.Status, x.Model, x.SerialNumber, x.BaseWarrantyStart, x.BaseWarrantyEnd, x.NewWarrantyEnd, x.PlanName, x.IssueDate })
            .SingleOrDefaultAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (c is null) return await FromRegistryAsync(db, normalised, today, ct);
        var state = c.Status == CertificateStatus.Revoked ? VerificationState.Revoked
            : today > c.NewWarrantyEnd ? VerificationState.Expired : VerificationState.Valid;
        return new(normalised, state, c.Model, c.SerialNumber, c.BaseWarrantyStart, c.BaseWarrantyEnd, c.NewWarrantyEnd, c.PlanName, c.IssueDate);
    }

    /// <summary>
    /// A certificate issued before the portal or by another channel is known only from the device's coverage history in the
    /// registry: still genuine, with the registry's dates, and said to come from there.
    /// </summary>
    private static async Task<CertificateCheck> FromRegistryAsync(ApplicationDbContext db, string number, DateOnly today, CancellationToken ct)
    {
        var e = await db.DeviceExtensions.AsNoTracking()
            .Where(x => x.CertificateNumber == number)
            .Join(db.Devices, x => x.DeviceId, d => d.Id, (x, d) => new { x.PlanCode, x.EndDate, x.RecordedAtUtc, d.Model, d.SerialNumber, d.BaseWarrantyStart, d.BaseWarrantyEnd })
            .OrderByDescending(x => x.EndDate)
            .FirstOrDefaultAsync(ct);
        if (e is null) return new(number, VerificationState.Unknown);
        var french = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";
        var plan = await db.Plans.AsNoTracking().Where(p => p.Code == e.PlanCode).Select(p => french ? p.NameFr : p.NameEn).FirstOrDefaultAsync(ct);
        var state = today > e.EndDate ? VerificationState.Expired : VerificationState.Valid;
        return new(number, state, e.Model, e.SerialNumber, e.BaseWarrantyStart, e.BaseWarrantyEnd, e.EndDate, plan ?? e.PlanCode, null, RecordedInRegistry: true);
    }
}
