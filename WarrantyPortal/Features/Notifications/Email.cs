namespace WarrantyPortal.Features.Notifications;

/// <summary>
/// A message ready to be queued: already rendered in the recipient's language. <paramref name="Headers"/> are extra header
/// fields the message is sent with (e.g. <c>List-Unsubscribe</c>).
/// </summary>
public sealed record Email(string Kind, string ToAddress, string ToName, string Subject, string HtmlBody, string TextBody, string Culture,
    string? Reference = null, IReadOnlyDictionary<string, string>? Headers = null);
