using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using WarrantyPortal.Data;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Infrastructure;

namespace Microsoft.AspNetCore.Routing;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    // Endpoints used by the static account pages in Components/Account/Pages.
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/Logout", async (
            ClaimsPrincipal user,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(AccountLinks.LocalOrNull(returnUrl) ?? "/");
        });

        var manageGroup = accountGroup.MapGroup("/Manage").RequireAuthorization();

        var loggerFactory = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>();
        var downloadLogger = loggerFactory.CreateLogger("DownloadPersonalData");

        manageGroup.MapPost("/DownloadPersonalData", async (
            HttpContext context,
            [FromServices] UserManager<ApplicationUser> userManager,
            [FromServices] AddressBook addressBook) =>
        {
            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound();
            }

            downloadLogger.LogInformation("User with ID '{UserId}' asked for their personal data.", user.Id);

            var personalData = typeof(ApplicationUser).GetProperties()
                .Where(p => Attribute.IsDefined(p, typeof(PersonalDataAttribute)))
                .ToDictionary(p => p.Name, p => p.GetValue(user)?.ToString());
            var addresses = (await addressBook.ListAsync(user.Id)).Select(a => new
            {
                a.Kind, a.Label, a.Recipient, a.Line1, a.Line2, a.PostalCode, a.City, a.Region, a.Country, a.Phone, a.IsDefault,
            });
            var fileBytes = JsonSerializer.SerializeToUtf8Bytes(new { Account = personalData, Addresses = addresses }, new JsonSerializerOptions { WriteIndented = true });
            return TypedResults.File(fileBytes, contentType: "application/json", fileDownloadName: "PersonalData.json");
        }).RequireAntiforgeryCheck();

        return accountGroup;
    }
}
