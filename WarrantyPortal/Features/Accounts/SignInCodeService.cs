using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Accounts;
using WarrantyPortal.Features.Notifications;

namespace WarrantyPortal.Features.Accounts;

public enum CodeRequestStatus
{
    /// <summary>A code was sent, or the address has no account (the answer is the same, so addresses cannot be probed).</summary>
    Sent,
    TooSoon,
    LockedOut,
}

public sealed record CodeRequestResult(CodeRequestStatus Status, TimeSpan WaitBeforeNext, DateTimeOffset? LockedUntil = null);

/// <summary>The outcome of an entered code; <see cref="UserId"/> is set only when it was accepted.</summary>
public sealed record CodeCheckResult(OneTimeCodeResult Result, int AttemptsLeft, string? UserId = null, DateTimeOffset? LockedUntil = null, bool NoCode = false)
{
    public bool Accepted => Result == OneTimeCodeResult.Accepted && UserId is not null;
}

/// <summary>Sign-in by a six-digit code sent to the account's email address (rules in <see cref="OneTimeCode"/>).</summary>
public sealed class SignInCodeService(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    EmailOutbox outbox,
    EmailComposer composer,
    IStringLocalizer<AccountText> text,
    TimeProvider clock)
{
    // Identity's default normaliser: the same one UserManager used when it stored NormalizedEmail.
    private static readonly UpperInvariantLookupNormalizer Normalizer = new();

    public async Task<CodeRequestResult> RequestCodeAsync(string email, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await FindUserAsync(db, email, ct);
        if (user is null) return new(CodeRequestStatus.Sent, OneTimeCode.ResendInterval);
        if (LockedUntil(user, now) is { } until) return new(CodeRequestStatus.LockedOut, TimeSpan.Zero, until);

        var open = await db.OneTimeCodes.Where(c => c.UserId == user.Id && c.ClosedAtUtc == null).ToListAsync(ct);
        var lastIssued = await db.OneTimeCodes.Where(c => c.UserId == user.Id).MaxAsync(c => (DateTime?)c.IssuedAtUtc, ct);
        var wait = OneTimeCode.WaitBeforeNext(lastIssued, now);
        if (wait > TimeSpan.Zero) return new(CodeRequestStatus.TooSoon, wait);

        foreach (var old in open) old.Supersede(now);
        var plain = OneTimeCode.NewPlainCode();
        db.OneTimeCodes.Add(OneTimeCode.Issue(user.Id, plain, now, lastIssued));
        outbox.Add(db, Compose(user, plain));
        await db.SaveChangesAsync(ct);
        return new(CodeRequestStatus.Sent, OneTimeCode.ResendInterval);
    }

    /// <summary>How long before another code may be sent to this address (for the button's countdown).</summary>
    public async Task<TimeSpan> WaitBeforeNextAsync(string? email, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email)) return TimeSpan.Zero;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await FindUserAsync(db, email, ct);
        if (user is null) return TimeSpan.Zero;
        var lastIssued = await db.OneTimeCodes.Where(c => c.UserId == user.Id).MaxAsync(c => (DateTime?)c.IssuedAtUtc, ct);
        return OneTimeCode.WaitBeforeNext(lastIssued, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Checks a code against the latest one sent to the address. An accepted code also confirms the address.</summary>
    public async Task<CodeCheckResult> VerifyAsync(string email, string? code, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await FindUserAsync(db, email, ct);
        var latest = user is null ? null : await db.OneTimeCodes.Where(c => c.UserId == user.Id)
            .OrderByDescending(c => c.IssuedAtUtc).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (user is null || latest is null) return new(OneTimeCodeResult.Expired, 0, NoCode: true);
        if (LockedUntil(user, now) is { } until) return new(OneTimeCodeResult.TooManyAttempts, 0, LockedUntil: until);

        var result = latest.Verify(code, now);
        if (result == OneTimeCodeResult.Accepted && !user.EmailConfirmed) user.EmailConfirmed = true;
        await db.SaveChangesAsync(ct);
        return new(result, latest.AttemptsLeft, result == OneTimeCodeResult.Accepted ? user.Id : null);
    }

    private Task<ApplicationUser?> FindUserAsync(ApplicationDbContext db, string email, CancellationToken ct)
    {
        var normalized = Normalizer.NormalizeEmail(email.Trim());
        return db.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, ct);
    }

    private static DateTimeOffset? LockedUntil(ApplicationUser user, DateTime now) =>
        user.LockoutEnabled && user.LockoutEnd is { } end && end.UtcDateTime > now ? end : null;

    private Email Compose(ApplicationUser user, string plainCode)
    {
        var culture = string.IsNullOrEmpty(user.PreferredCulture) ? "en" : user.PreferredCulture;
        using var _ = CultureScope.Use(culture);
        var name = user.FullName.Length > 0 ? user.FullName : user.Email!;
        var minutes = (int)OneTimeCode.Lifetime.TotalMinutes;
        return composer.Compose("SignInCode", user.Email!, user.FullName, culture, text["Email_Code_Subject", plainCode],
            [text["Email_Greeting", name], text["Email_Code_Body", plainCode, minutes], text["Email_IgnoreIfNotYou"]]);
    }
}
