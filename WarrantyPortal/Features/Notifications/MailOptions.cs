namespace WarrantyPortal.Features.Notifications;

public sealed class MailOptions
{
    public const string Section = "Mail";

    public string FromAddress { get; set; } = "no-reply@warrantyportal.local";
    public string FromName { get; set; } = "WarrantyPortal";

    /// <summary>Where messages are written as .eml files when no SMTP host is set.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Seconds between attempts grow from this base: 1x, 2x, 4x… capped at one hour.</summary>
    public int RetryBaseSeconds { get; set; } = 10;

    public int MaxAttempts { get; set; } = 50;

    /// <summary>How often the worker looks for due retries when nothing wakes it.</summary>
    public int PollSeconds { get; set; } = 5;

    /// <summary>
    /// How long a worker's claim on a message lasts. A process killed while sending leaves its claim behind; the message is
    /// sent by another worker (or after the restart) once this has passed. Longer than the SMTP timeout.
    /// </summary>
    public int ClaimSeconds { get; set; } = 120;
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}
