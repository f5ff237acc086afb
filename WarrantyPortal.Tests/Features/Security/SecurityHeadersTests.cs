using System.Net;
using System.Text.RegularExpressions;

namespace WarrantyPortal.Tests.Features.Security;

/// <summary>What every response tells the browser, on pages, static files, downloads and API endpoints alike.</summary>
[Collection(SecurityBrowserCollection.Name)]
public class SecurityHeadersTests(SecurityBrowserFixture fx)
{
    private HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fx.App.BaseUrl) };

    public static TheoryData<string, string> Urls => new()
    {
        { "/", "text/html" },
        { "/Account/Login", "text/html" },
        { "/check", "text/html" },
        { "/no-such-page", "text/html" },
        { "/app.css", "text/css" },
        { "/_framework/blazor.web.js", "javascript" },
        { "/_content/MudBlazor/MudBlazor.min.js", "javascript" },
        { "/assets/brand/favicon.svg", "image/svg+xml" },
        { "/check/template.xlsx", "spreadsheetml" },
        { "/api/warranty-check?sn=702000100001", "application/json" },
        { "/health", "" },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Get_AnyResponse_CarriesTheSecurityHeadersAndNoServerBanner(string url, string contentType)
    {
        using var client = Client();

        using var response = await client.GetAsync(url);

        Assert.Contains(contentType, response.Content.Headers.ContentType?.ToString() ?? "");
        Assert.False(response.Headers.Contains("Server"), $"{url} names its server: {string.Join(",", response.Headers.Server)}");
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-eval", Header(response, "Content-Security-Policy"));
        // Plain http on a developer's machine: no HSTS there (it is tested on an https host in production).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Get_Page_PolicyAllowsOnlyOwnScriptsAndTheNoncedImportMap()
    {
        using var client = Client();

        var html = await client.GetStringAsync("/Account/Login");
        using var response = await client.GetAsync("/Account/Login");
        var body = await response.Content.ReadAsStringAsync();

        var csp = Header(response, "Content-Security-Policy");
        var nonce = Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains("script-src 'self' 'nonce-", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Contains($"connect-src 'self' ws://127.0.0.1:{fx.App.Port}", csp);
        // Every inline script on the page carries this response's nonce, and the nonce changes per response.
        var inline = Regex.Matches(body, "<script(?![^>]*\\ssrc=)([^>]*)>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(inline);
        Assert.All(inline, attributes => Assert.Contains($"nonce=\"{nonce}\"", attributes));
        Assert.DoesNotContain(nonce, html);
    }

    [Fact]
    public async Task PostWebhook_BodyOverTheLimit_RefusedBeforeReading()
    {
        using var client = Client();
        using var content = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/webhooks/stripe", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostHealth_GetOnlyEndpoint_Refused()
    {
        using var client = Client();

        using var response = await client.PostAsync("/health", new FormUrlEncodedContent([]));

        Assert.False(response.IsSuccessStatusCode, response.StatusCode.ToString());
        Assert.DoesNotContain("Healthy", await response.Content.ReadAsStringAsync());
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}
