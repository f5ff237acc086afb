using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WarrantyPortal.Features.Payments;
using WarrantyPortal.Features.Reminders;
using WarrantyPortal.Tests.TestSupport;

namespace WarrantyPortal.Tests.Features.Security;

/// <summary>
/// Every endpoint that takes a POST, found by enumerating the app's endpoints (so a new one cannot be forgotten), refuses
/// a post without a valid antiforgery token, even from a signed-in administrator. Two exemptions are authenticated otherwise:
/// the Stripe webhook by its signature, and the reminders' one-click unsubscribe (RFC 8058) by the signed token in its link.
/// </summary>
[Collection(SecurityBrowserCollection.Name)]
public class AntiforgeryTests(SecurityBrowserFixture fx)
{
    private sealed record PostEndpoint(string Url, string Name, bool RequiresToken);

    private IReadOnlyList<PostEndpoint> PostEndpoints()
    {
        var endpoints = fx.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { } methods || methods.Contains(HttpMethods.Post))
            // The circuit's own endpoints are SignalR's, authenticated by the circuit's secret id rather than by a form.
            .Where(e => e.Metadata.GetMetadata<HubMetadata>() is null && !(e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal))
            .Select(e => new PostEndpoint(
                "/" + Regex.Replace((e.RoutePattern.RawText ?? "").TrimStart('/'), @"\{\*?([^}:]+)(:[^}]+)?\}", m =>
                    m.Groups[2].Value.Contains("guid") ? Guid.NewGuid().ToString() : m.Groups[2].Value.Contains("int") ? "1" : "WE202606210001"),
                e.DisplayName ?? "",
                e.Metadata.GetMetadata<IAntiforgeryMetadata>()?.RequiresValidation == true))
            .DistinctBy(e => e.Url)
            .ToList();
    }

    [Fact]
    public void PostEndpoints_AllButTheWebhook_RequireAnAntiforgeryToken()
    {
        var endpoints = PostEndpoints();
        Assert.Contains(endpoints, e => e.Url == "/Account/Logout");
        Assert.Contains(endpoints, e => e.Url == "/Account/Login");
        Assert.Contains(endpoints, e => e.Url == "/Account/Manage/DownloadPersonalData");

        var unprotected = endpoints.Where(e => !e.RequiresToken).Select(e => e.Url).ToList();

        Assert.Equal([ReminderLinks.UnsubscribePath, StripeWebhookEndpoint.Path], unprotected.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PostWithoutToken_SignedInAdmin_EveryEndpointRefuses()
    {
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoAdminAsync(page);
        var accepted = new List<string>();

        foreach (var endpoint in PostEndpoints().Where(e => e.Url != StripeWebhookEndpoint.Path))
        {
            var form = page.APIRequest.CreateFormData();
            form.Set("Input.Email", "admin@demo.warrantyportal.test");
            form.Set("returnUrl", "/");
            form.Set("_handler", "login");
            var response = await page.APIRequest.PostAsync(endpoint.Url, new() { Form = form, MaxRedirects = 0 });
            if (response.Status != 400) accepted.Add($"{endpoint.Url} answered {response.Status} ({endpoint.Name})");
        }

        Assert.Empty(accepted);
        // Still signed in: the posts above were refused, not sent to sign in.
        var admin = await page.APIRequest.GetAsync("/admin", new() { MaxRedirects = 0 });
        Assert.Equal(200, admin.Status);
    }

    [Fact]
    public async Task PostLogout_WithTheFormsToken_SignsOut()
    {
        var page = await fx.NewPageAsync();
        await SignIn.AsDemoCustomerAsync(page);
        var html = await (await page.APIRequest.GetAsync("/Account/Manage/ChangePassword")).TextAsync();
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);

        var withoutToken = page.APIRequest.CreateFormData();
        withoutToken.Set("returnUrl", "/");
        Assert.Equal(400, (await page.APIRequest.PostAsync("/Account/Logout", new() { Form = withoutToken, MaxRedirects = 0 })).Status);
        var form = page.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token);
        form.Set("returnUrl", "/");
        var response = await page.APIRequest.PostAsync("/Account/Logout", new() { Form = form, MaxRedirects = 0 });

        Assert.Equal(302, response.Status);
        var after = await page.APIRequest.GetAsync("/orders", new() { MaxRedirects = 0 });
        Assert.Contains("/Account/Login", after.Headers.GetValueOrDefault("location") ?? "");
    }

    [Fact]
    public async Task PostWebhook_WithoutTokenOrSignature_RefusedBySignatureCheck()
    {
        var page = await fx.NewPageAsync();

        var response = await page.APIRequest.PostAsync(StripeWebhookEndpoint.Path, new() { DataString = "{\"id\":\"evt_1\"}", Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" } });

        Assert.Equal(400, response.Status);
        Assert.Contains("invalid signature", await response.TextAsync());
    }
}
