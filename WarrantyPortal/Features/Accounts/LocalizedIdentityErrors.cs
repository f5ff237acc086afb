using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace WarrantyPortal.Features.Accounts;

/// <summary>Identity's error messages in the visitor's language, saying what to fix.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<AccountText> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Error_Default");
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = text["Error_PasswordTooShort", length] };
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Error_PasswordMismatch");
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Error_InvalidToken");
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Error_InvalidEmail");
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Error_InvalidEmail");
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Error_DuplicateEmail");
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Error_DuplicateEmail");
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Error_Concurrency");

    private IdentityError Error(string code, string key) => new() { Code = code, Description = text[key] };
}
