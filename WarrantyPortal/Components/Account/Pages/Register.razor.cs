using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using WarrantyPortal.Data;
using WarrantyPortal.Domain;
using WarrantyPortal.Domain.Accounts;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Infrastructure;

namespace WarrantyPortal.Components.Account.Pages;

public partial class Register
{
    private const int PasswordLength = PasswordPolicy.MinimumLength;
    private EditContext editContext = default!;
    private string? errorMessage;

    [SupplyParameterFromForm]
    private InputModel Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    protected override void OnInitialized()
    {
        Input ??= new();
        editContext = new EditContext(Input);
    }

    private async Task RegisterUserAsync()
    {
        var errors = Validate();
        if (errors.Any) return;

        var email = Input.Email.Trim();
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            FullName = FreeText.Line(Input.FullName),
            Country = Input.Country.ToUpperInvariant(),
            PreferredCulture = CurrentPortalCulture(),
            CreatedAtUtc = Clock.GetUtcNow().UtcDateTime,
        };
        var result = await UserManager.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            errors.AddIdentityErrors(result.Errors, () => Input.Email, () => Input.Password);
            return;
        }
        var roles = await UserManager.AddToRoleAsync(user, Roles.Customer);
        if (!roles.Succeeded)
        {
            errorMessage = "Error: " + string.Join(" ", roles.Errors.Select(e => e.Description));
            return;
        }
        Logger.LogInformation("A new customer registered.");

        var token = await UserManager.GenerateEmailConfirmationTokenAsync(user);
        var link = Links.ConfirmEmail(NavigationManager.BaseUri, user.Id, token, ReturnUrl);
        await EmailSender.SendConfirmationLinkAsync(user, email, link);

        RedirectManager.RedirectTo("Account/RegisterConfirmation", new() { ["email"] = email, ["returnUrl"] = AccountLinks.LocalOrNull(ReturnUrl) });
    }

    private const int MaxNameLength = 200;

    private FormErrors Validate()
    {
        var errors = new FormErrors(editContext);
        errors.Required(() => Input.FullName, T["Error_FullNameRequired"]);
        if (!FreeText.Fits(Input.FullName, MaxNameLength)) errors.Add(() => Input.FullName, T["Error_TooLong", MaxNameLength]);
        if (!CountryList.IsKnown(Input.Country)) errors.Add(() => Input.Country, T["Error_CountryRequired"]);
        if (!FormErrors.IsEmail(Input.Email)) errors.Add(() => Input.Email, T["Error_EmailRequired"]);
        if (PasswordPolicy.IsTooShort(Input.Password)) errors.Add(() => Input.Password, T["Error_PasswordTooShort", PasswordLength]);
        else if (PasswordPolicy.IsCommon(Input.Password)) errors.Add(() => Input.Password, T["Password_Common"]);
        if (Input.ConfirmPassword != Input.Password) errors.Add(() => Input.ConfirmPassword, T["Error_ConfirmMismatch"]);
        if (!Input.AcceptTerms) errors.Add(() => Input.AcceptTerms, T["Error_AcceptTerms"]);
        return errors;
    }

    private static string CurrentPortalCulture()
    {
        var ui = CultureInfo.CurrentUICulture;
        return PortalCultures.Supported.FirstOrDefault(c => c == ui.Name)
            ?? PortalCultures.Supported.FirstOrDefault(c => c == ui.TwoLetterISOLanguageName)
            ?? "en";
    }

    private sealed class InputModel
    {
        public string FullName { get; set; } = "";

        public string Country { get; set; } = "";

        public string Email { get; set; } = "";

        public string Password { get; set; } = "";

        public string ConfirmPassword { get; set; } = "";

        public bool AcceptTerms { get; set; }
    }
}
