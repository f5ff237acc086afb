using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace WarrantyPortal.Tests.Features.Security;

/// <summary>The portal as deployed (Production, served over https): HSTS, redirection to https, and cookies only sent over https.</summary>
public sealed class ProductionHostTests : IClassFixture<ProductionHostTests.ProductionPortal>
{
    private readonly ProductionPortal _portal;

    public ProductionHostTests(ProductionPortal portal) => _portal = portal;

    public sealed class ProductionPortal : WebApplicationFactory<Program>
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "wp-prod", Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(_dir);
            var settings = new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_dir, "portal.db"), DefaultTimeout = 30 }.ToString(),
                ["Portal:SeedDemoData"] = "true",
                ["Portal:PublicBaseUrl"] = "https://portal.example.test",
                ["Mail:PickupDirectory"] = Path.Combine(_dir, "mail"),
                ["https_port"] = "443",
            };
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(settings));
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private HttpClient Https() => _portal.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://portal.example.test"), AllowAutoRedirect = false, HandleCookies = false,
    });

    [Fact]
    public async Task Get_OverHttps_SendsHstsForAYear()
    {
        using var client = Https();

        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
        Assert.Contains("wss://portal.example.test", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Get_OverPlainHttp_RedirectedToHttps()
    {
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.example.test"), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/check?sn=702000100001");

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, response.StatusCode.ToString());
        Assert.Equal("https://portal.example.test/check?sn=702000100001", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task SignIn_OverHttps_EveryCookieIsSecureHttpOnlyAndSameSite()
    {
        using var client = Https();
        using var page = await client.GetAsync("/Account/Login");
        var cookies = SetCookies(page).ToList();
        var token = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = "customer@demo.warrantyportal.test",
            ["Input.Password"] = "demo-customer-2026",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));

        using var signedIn = await client.SendAsync(request);
        cookies.AddRange(SetCookies(signedIn));
        using var culture = await client.GetAsync("/culture/set?culture=fr&returnUrl=/");
        cookies.AddRange(SetCookies(culture));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.All(cookies, c =>
        {
            var attributes = c.ToLowerInvariant();
            Assert.Contains("; secure", attributes);
            Assert.Contains("; httponly", attributes);
            Assert.Matches("; samesite=(lax|strict)", attributes);
        });
        Assert.Contains("samesite=strict", cookies.Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).ToLowerInvariant());
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
