using MimeKit;

namespace WarrantyPortal.Features.Notifications;

/// <summary>The seam between the outbox and the outside world.</summary>
public interface IMailTransport
{
    string Name { get; }

    Task SendAsync(MimeMessage message, CancellationToken ct);
}
