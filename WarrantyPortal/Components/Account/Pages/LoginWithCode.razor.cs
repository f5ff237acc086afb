using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using WarrantyPortal.Domain.Accounts;
using WarrantyPortal.Features.Accounts;
using WarrantyPortal.Features.WarrantyCheck;
using WarrantyPortal.Infrastructure.RateLimiting;

namespace WarrantyPortal.Components.Account.Pages;

public partial class LoginWithCode
{
    private EditContext editContext = default!;
    private string? info;
    private string? errorMessage;
    private DateTimeOffset? lockedUntil;
    private RateLimitDecision? rateLimited;
    private bool codeSent;
    private int waitSeconds;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private InputModel Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery(Name = "email")]
    private string? EmailHint { get; set; }

    protected override void OnInitialized()
    {
        Input ??= new();
        editContext = new EditContext(Input);
        if (HttpMethods.IsGet(HttpContext.Request.Method)) Input.Email = EmailHint ?? "";
    }

    private async Task OnSubmitAsync()
    {
        var errors = new FormErrors(editContext);
        if (!FormErrors.IsEmail(Input.Email))
        {
            errors.Add(() => Input.Email, T["Error_EmailRequired"]);
            return;
        }
        var verify = Input.Action switch
        {
            "send" => false,
            "verify" => true,
            _ => !string.IsNullOrWhiteSpace(Input.Code),
        };
        if (verify) await VerifyAsync(errors);
        else await SendAsync();
    }

    private async Task SendAsync()
    {
        var email = Input.Email.Trim();
        // On top of the 60 s between two codes: per client address and per email, across instances.
        var limit = await Limiter.TryAcquireAsync("sign-in-code-address", ClientAddress.Of(HttpContext), Limits.Value.CodeRequestPerAddress);
        if (limit.Allowed) limit = await Limiter.TryAcquireAsync("sign-in-code-email", email, Limits.Value.CodeRequestPerEmail);
        if (!limit.Allowed)
        {
            rateLimited = limit;
            return;
        }
        var result = await Codes.RequestCodeAsync(email);
        Input.Code = "";
        switch (result.Status)
        {
            case CodeRequestStatus.LockedOut:
                lockedUntil = result.LockedUntil;
                return;
            case CodeRequestStatus.TooSoon:
                codeSent = true;
                info = T["Code_TooSoon", (int)Math.Ceiling(result.WaitBeforeNext.TotalSeconds)];
                break;
            default:
                codeSent = true;
                info = T["Code_Sent", email, (int)OneTimeCode.Lifetime.TotalMinutes];
                Logger.LogInformation("Sign-in code requested.");
                break;
        }
        waitSeconds = (int)Math.Ceiling(result.WaitBeforeNext.TotalSeconds);
    }

    private async Task VerifyAsync(FormErrors errors)
    {
        var email = Input.Email.Trim();
        codeSent = true;
        waitSeconds = (int)Math.Ceiling((await Codes.WaitBeforeNextAsync(email)).TotalSeconds);
        if (!OneTimeCode.IsWellFormed(OneTimeCode.Normalise(Input.Code)))
        {
            errors.Add(() => Input.Code!, T["Error_CodeFormat"]);
            return;
        }
        var check = await Codes.VerifyAsync(email, Input.Code);
        if (check.LockedUntil is { } until)
        {
            lockedUntil = until;
            return;
        }
        if (check.Accepted && await UserManager.FindByIdAsync(check.UserId!) is { } user)
        {
            await SignInManager.SignInAsync(user, Input.RememberMe);
            Logger.LogInformation("User signed in with an emailed code.");
            RedirectManager.RedirectTo(AccountLinks.LocalOrNull(ReturnUrl));
            return;
        }
        Input.Code = "";
        errorMessage = "Error: " + (check switch
        {
            { NoCode: true } => T["Code_None"],
            { Result: OneTimeCodeResult.Wrong } => T["Code_Wrong", check.AttemptsLeft],
            { Result: OneTimeCodeResult.TooManyAttempts } => T["Code_TooManyAttempts"],
            { Result: OneTimeCodeResult.Expired } => T["Code_Expired"],
            _ => T["Code_Used"],
        });
    }

    private sealed class InputModel
    {
        public string Email { get; set; } = "";

        public string? Code { get; set; }

        public string? Action { get; set; }

        public bool RememberMe { get; set; }
    }
}
