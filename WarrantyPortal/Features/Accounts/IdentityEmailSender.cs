using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using WarrantyPortal.Data;
using WarrantyPortal.Features.Notifications;

namespace WarrantyPortal.Features.Accounts;

/// <summary>Identity's account emails, queued through the outbox in the user's language.</summary>
public sealed class IdentityEmailSender(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    EmailOutbox outbox,
    EmailComposer composer,
    IStringLocalizer<AccountText> text) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        QueueAsync(user, email, "ConfirmEmail", "Email_Confirm_Subject", ["Email_Confirm_Body"], new("Email_Confirm_Action", confirmationLink));

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        QueueAsync(user, email, "PasswordReset", "Email_Reset_Subject", ["Email_Reset_Body", "Email_IgnoreIfNotYou"], new("Email_Reset_Action", resetLink));

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        QueueAsync(user, email, "PasswordResetCode", "Email_Reset_Subject", ["Email_ResetCode_Body|" + resetCode, "Email_IgnoreIfNotYou"], null);

    internal async Task QueueAsync(ApplicationUser user, string email, string kind, string subjectKey, string[] paragraphKeys, EmailAction? action)
    {
        var culture = string.IsNullOrEmpty(user.PreferredCulture) ? "en" : user.PreferredCulture;
        Email message;
        using (CultureScope.Use(culture))
        {
            var paragraphs = new List<string> { text["Email_Greeting", user.FullName.Length > 0 ? user.FullName : email] };
            foreach (var key in paragraphKeys)
            {
                var parts = key.Split('|', 2);
                paragraphs.Add(parts.Length == 2 ? text[parts[0], parts[1]] : text[key]);
            }
            var localizedAction = action is null ? null : new EmailAction(text[action.Label], action.Url);
            message = composer.Compose(kind, email, user.FullName, culture, text[subjectKey], paragraphs, localizedAction);
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        outbox.Add(db, message);
        await db.SaveChangesAsync();
    }
}
