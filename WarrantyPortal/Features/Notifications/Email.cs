namespace WarrantyPortal.Features.Notifications;

/// <summary>A message ready to be queued: already rendered in the recipient's language.</summary>
public sealed record Email(string Kind, string ToAddress, string ToName, string Subject, string HtmlBody, string TextBody, string Culture, string? Reference = null);
