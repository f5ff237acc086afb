using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;

namespace WarrantyPortal.Infrastructure;

/// <summary>
/// The response headers every page, file and endpoint carries. Pages get a Content-Security-Policy that Blazor Server and
/// MudBlazor work under: scripts only from the portal itself (plus the import map, by nonce), inline styles allowed because
/// MudBlazor writes style attributes, and the circuit's WebSocket back to this host only.
/// </summary>
public static partial class SecurityHeaders
{
    private const string NonceKey = "WarrantyPortal.CspNonce";

    /// <summary>The nonce that lets this response's own inline script (the import map) run.</summary>
    public static string? Nonce(HttpContext? http) => http?.Items[NonceKey] as string;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        http.Response.OnStarting(() =>
        {
            Apply(http, nonce);
            return Task.CompletedTask;
        });
        return next(http);
    });

    private static void Apply(HttpContext http, string nonce)
    {
        var headers = http.Response.Headers;
        var isPage = http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        headers.ContentSecurityPolicy = isPage ? PagePolicy(http.Request, nonce) : "default-src 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.Remove("Server");
        headers.Remove("X-Powered-By");
    }

    private static string PagePolicy(HttpRequest request, string nonce)
    {
        // The circuit's WebSocket: 'self' covers it in current browsers, the explicit ws(s) origin covers the others.
        var host = request.Host.HasValue && HostPattern().IsMatch(request.Host.Value) ? request.Host.Value : null;
        var sockets = host is null ? "" : request.IsHttps ? $" wss://{host}" : $" ws://{host} wss://{host}";
        return "default-src 'self'; " +
               $"script-src 'self' 'nonce-{nonce}'; " +
               "style-src 'self' 'unsafe-inline'; " +
               "img-src 'self' data: blob:; " +
               "font-src 'self' data:; " +
               $"connect-src 'self'{sockets}; " +
               "object-src 'none'; " +
               "base-uri 'self'; " +
               "form-action 'self'; " +
               "frame-ancestors 'none'";
    }

    [GeneratedRegex(@"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")]
    private static partial Regex HostPattern();

    /// <summary>
    /// For endpoints that take a form post but bind nothing from the form: minimal APIs check the antiforgery token only
    /// when they bind form data, so these say it explicitly and refuse the post (400) without a valid token.
    /// </summary>
    public static TBuilder RequireAntiforgeryCheck<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RequireAntiforgeryTokenAttribute());
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true }
                ? await next(context)
                // A body of its own, so the status code pages do not replay the refused post.
                : Results.Text("A valid antiforgery token was not provided with the request.", statusCode: StatusCodes.Status400BadRequest));
        return builder;
    }
}
