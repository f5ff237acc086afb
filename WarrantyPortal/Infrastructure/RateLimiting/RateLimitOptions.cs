namespace WarrantyPortal.Infrastructure.RateLimiting;

/// <summary>At most <see cref="Limit"/> attempts in any <see cref="Window"/> (a whole number of seconds), sliding.</summary>
public sealed class RateLimitRule
{
    public RateLimitRule() { }

    public RateLimitRule(int limit, TimeSpan window)
    {
        Limit = limit;
        Window = window;
    }

    public int Limit { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>The limits on public forms (RateLimits:…), counted in the database so they hold across instances.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Guest order lookups from one client address.</summary>
    public RateLimitRule OrderLookupPerAddress { get; set; } = new(20, TimeSpan.FromMinutes(15));

    /// <summary>Guest order lookups of one order number, from anywhere: guessing a postal code is slow.</summary>
    public RateLimitRule OrderLookupPerOrder { get; set; } = new(5, TimeSpan.FromMinutes(15));

    /// <summary>Password sign-ins from one client address (each account also locks after 5 wrong passwords).</summary>
    public RateLimitRule PasswordSignInPerAddress { get; set; } = new(30, TimeSpan.FromMinutes(15));

    /// <summary>Sign-in codes requested from one client address.</summary>
    public RateLimitRule CodeRequestPerAddress { get; set; } = new(10, TimeSpan.FromMinutes(15));

    /// <summary>Sign-in codes requested for one email address.</summary>
    public RateLimitRule CodeRequestPerEmail { get; set; } = new(6, TimeSpan.FromHours(1));

    /// <summary>Password reset emails requested from one client address.</summary>
    public RateLimitRule PasswordResetPerAddress { get; set; } = new(5, TimeSpan.FromMinutes(15));

    /// <summary>Password reset emails requested for one email address.</summary>
    public RateLimitRule PasswordResetPerEmail { get; set; } = new(3, TimeSpan.FromHours(1));
}
