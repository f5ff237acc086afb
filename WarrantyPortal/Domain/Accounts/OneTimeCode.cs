using System.Security.Cryptography;
using System.Text;

namespace WarrantyPortal.Domain.Accounts;

/// <summary>
/// A six-digit sign-in code sent by email: valid for <see cref="Lifetime"/>, used once, refused after
/// <see cref="MaxFailedAttempts"/> wrong tries. Only a salted hash of the code is kept.
/// Times are passed in (UTC) so the rules are tested without a clock.
/// </summary>
public sealed class OneTimeCode
{
    public const int Digits = 6;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ResendInterval = TimeSpan.FromSeconds(60);

    private OneTimeCode() { }

    public long Id { get; private set; }

    public string UserId { get; private set; } = "";

    public string Salt { get; private set; } = "";

    public string CodeHash { get; private set; } = "";

    public DateTime IssuedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public int FailedAttempts { get; private set; }

    /// <summary>When the code signed the user in, or was replaced by a newer one.</summary>
    public DateTime? ClosedAtUtc { get; private set; }

    public bool IsOpen(DateTime nowUtc) => ClosedAtUtc is null && nowUtc < ExpiresAtUtc && FailedAttempts < MaxFailedAttempts;

    /// <summary>A fresh random code, e.g. "042917".</summary>
    public static string NewPlainCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How long the user must wait before another code may be sent; zero when one may be sent now.</summary>
    public static TimeSpan WaitBeforeNext(DateTime? lastIssuedAtUtc, DateTime nowUtc)
    {
        if (lastIssuedAtUtc is null) return TimeSpan.Zero;
        var wait = lastIssuedAtUtc.Value + ResendInterval - nowUtc;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>Issues a code for <paramref name="userId"/>; refuses while the previous one is younger than <see cref="ResendInterval"/>.</summary>
    public static OneTimeCode Issue(string userId, string plainCode, DateTime nowUtc, DateTime? previousIssuedAtUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (!IsWellFormed(plainCode)) throw new ArgumentException($"A code has exactly {Digits} digits.", nameof(plainCode));
        if (WaitBeforeNext(previousIssuedAtUtc, nowUtc) > TimeSpan.Zero)
        {
            throw new InvalidOperationException("A new code cannot be issued yet.");
        }
        var salt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        return new OneTimeCode
        {
            UserId = userId,
            Salt = salt,
            CodeHash = Hash(salt, plainCode),
            IssuedAtUtc = nowUtc,
            ExpiresAtUtc = nowUtc + Lifetime,
        };
    }

    /// <summary>Checks an entered code. A wrong code counts as a failed attempt; the right one closes the code.</summary>
    public OneTimeCodeResult Verify(string? entered, DateTime nowUtc)
    {
        if (ClosedAtUtc is not null) return OneTimeCodeResult.AlreadyUsed;
        if (nowUtc >= ExpiresAtUtc) return OneTimeCodeResult.Expired;
        if (FailedAttempts >= MaxFailedAttempts) return OneTimeCodeResult.TooManyAttempts;

        var normalised = Normalise(entered);
        if (IsWellFormed(normalised) && FixedTimeEquals(Hash(Salt, normalised), CodeHash))
        {
            ClosedAtUtc = nowUtc;
            return OneTimeCodeResult.Accepted;
        }
        FailedAttempts++;
        return FailedAttempts >= MaxFailedAttempts ? OneTimeCodeResult.TooManyAttempts : OneTimeCodeResult.Wrong;
    }

    /// <summary>Closes the code because a newer one was sent: only the latest code works.</summary>
    public void Supersede(DateTime nowUtc) => ClosedAtUtc ??= nowUtc;

    public int AttemptsLeft => Math.Max(0, MaxFailedAttempts - FailedAttempts);

    /// <summary>Drops spaces and dashes people type or paste ("123 456", "123-456").</summary>
    public static string Normalise(string? entered) =>
        new((entered ?? "").Where(c => c is not (' ' or '-' or '\u00A0')).ToArray());

    public static bool IsWellFormed(string? code) => code is { Length: Digits } && code.All(char.IsAsciiDigit);

    private static string Hash(string salt, string code) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(salt + ":" + code)));

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
