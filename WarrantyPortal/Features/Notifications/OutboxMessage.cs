namespace WarrantyPortal.Features.Notifications;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// An email written in the same transaction as the change that causes it and delivered later by
/// <see cref="OutboxDeliveryWorker"/>, so a message is never lost to a mail server outage.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public string Kind { get; set; } = "";
    public string ToAddress { get; set; } = "";
    public string ToName { get; set; } = "";
    public string Subject { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string Culture { get; set; } = "en";

    /// <summary>What the message is about (e.g. an order number), so it can be listed and resent with it.</summary>
    public string? Reference { get; set; }

    /// <summary>Extra header fields the message is sent with (e.g. <c>List-Unsubscribe</c>); null when there are none.</summary>
    public Dictionary<string, string>? Headers { get; set; }

    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }

    /// <summary>Which worker holds the message and until when (lets several instances share one outbox).</summary>
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
}
