namespace WarrantyPortal.Features.Reminders;

/// <summary>
/// RFC 8058 one-click unsubscribe: a mail provider's own "unsubscribe" button POSTs <c>List-Unsubscribe=One-Click</c> to
/// the signed link of the <c>List-Unsubscribe</c> header. It comes without cookies or an antiforgery token: the signed
/// token in the link is what proves the request, and an altered one changes nothing.
/// </summary>
public static class OneClickUnsubscribeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, ReminderPreferences preferences, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Results.BadRequest("Send the form field List-Unsubscribe=One-Click.");
        }
        var form = await request.ReadFormAsync(ct);
        if (!string.Equals(form["List-Unsubscribe"], "One-Click", StringComparison.Ordinal))
        {
            return Results.BadRequest("Send the form field List-Unsubscribe=One-Click.");
        }
        var email = await preferences.ApplyLinkAsync(request.Query["t"], subscribed: false, ct);
        return email is null
            ? Results.BadRequest("This unsubscribe link is not valid: it was altered or cut.")
            : Results.Ok("Unsubscribed from device reminders.");
    }
}
