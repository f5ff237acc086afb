using WarrantyPortal.Data;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Features.Notifications;

/// <summary>
/// Queues emails into the outbox table. <see cref="Add"/> joins the caller's unit of work, so the
/// message is committed with the change that causes it, or not at all.
/// </summary>
public sealed class EmailOutbox(OutboxSignal signal, TimeProvider clock)
{
    public OutboxMessage Add(ApplicationDbContext db, Email email)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Kind = email.Kind,
            ToAddress = email.ToAddress,
            ToName = email.ToName,
            Subject = email.Subject,
            HtmlBody = email.HtmlBody,
            TextBody = email.TextBody,
            Culture = email.Culture,
            Reference = email.Reference,
            Headers = email.Headers is { Count: > 0 } h ? new Dictionary<string, string>(h, StringComparer.OrdinalIgnoreCase) : null,
            Status = OutboxStatus.Pending,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        };
        db.OutboxMessages.Add(message);
        db.SavedChanges += OnSaved;
        return message;

        void OnSaved(object? sender, Microsoft.EntityFrameworkCore.SavedChangesEventArgs e)
        {
            db.SavedChanges -= OnSaved;
            signal.Notify();
        }
    }
}

/// <summary>Wakes the delivery worker as soon as a message is committed.</summary>
public sealed class OutboxSignal : WorkSignal;
