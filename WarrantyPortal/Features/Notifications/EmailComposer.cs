using WarrantyPortal.Infrastructure;

using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace WarrantyPortal.Features.Notifications;

/// <summary>A call to action in an email: a button in HTML, a plain link in text.</summary>
public sealed record EmailAction(string Label, string Url);

/// <summary>
/// Lays out the portal's branded HTML email and its plain-text twin from already-localised text.
/// Every piece of text is HTML-encoded: names and addresses come from users.
/// </summary>
public sealed class EmailComposer(IOptions<PortalOptions> portal)
{
    public Email Compose(string kind, string toAddress, string toName, string culture, string subject,
        IReadOnlyList<string> paragraphs, EmailAction? action = null, string? reference = null, string? footer = null)
    {
        var baseUrl = portal.Value.PublicBaseUrl.TrimEnd('/');
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(Enc(culture)).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(Enc(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background:#f3f6f9;font-family:Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1b2733\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" style=\"background:#f3f6f9;padding:24px 0\"><tr><td align=\"center\">")
            .Append("<table role=\"presentation\" width=\"600\" cellspacing=\"0\" cellpadding=\"0\" style=\"max-width:600px;width:100%;background:#ffffff;border-radius:8px;overflow:hidden\">")
            .Append("<tr><td style=\"background:#0e5a8a;padding:18px 28px\"><img src=\"").Append(Enc(baseUrl)).Append("/assets/brand/logo-white.svg\" alt=\"")
            .Append(Enc(portal.Value.BrandName)).Append("\" height=\"32\" style=\"display:block;border:0\"></td></tr>")
            .Append("<tr><td style=\"padding:28px\">")
            .Append("<h1 style=\"font-size:20px;margin:0 0 16px;color:#0e5a8a\">").Append(Enc(subject)).Append("</h1>");
        foreach (var p in paragraphs)
        {
            html.Append("<p style=\"font-size:15px;line-height:1.55;margin:0 0 14px;white-space:pre-line\">").Append(Enc(p)).Append("</p>");
        }
        if (action is not null)
        {
            html.Append("<p style=\"margin:24px 0\"><a href=\"").Append(Enc(action.Url))
                .Append("\" style=\"background:#0e5a8a;color:#ffffff;text-decoration:none;padding:12px 22px;border-radius:6px;font-weight:600;display:inline-block\">")
                .Append(Enc(action.Label)).Append("</a></p>")
                .Append("<p style=\"font-size:12px;color:#5b6b7a;word-break:break-all\">").Append(Enc(action.Url)).Append("</p>");
        }
        html.Append("</td></tr><tr><td style=\"padding:16px 28px;background:#f8fafc;font-size:12px;color:#5b6b7a\">")
            .Append(Enc(footer ?? portal.Value.BrandName)).Append("<br>").Append(Enc(baseUrl)).Append("</td></tr></table></td></tr></table></body></html>");

        var text = new StringBuilder();
        text.AppendLine(subject).AppendLine(new string('=', Math.Min(subject.Length, 60))).AppendLine();
        foreach (var p in paragraphs) text.AppendLine(p).AppendLine();
        if (action is not null) text.AppendLine($"{action.Label}: {action.Url}").AppendLine();
        text.AppendLine("-- ").AppendLine(footer ?? portal.Value.BrandName).AppendLine(baseUrl);

        return new Email(kind, toAddress, toName, subject, html.ToString(), text.ToString(), culture, reference);
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}
