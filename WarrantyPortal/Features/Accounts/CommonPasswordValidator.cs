using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using WarrantyPortal.Data;
using WarrantyPortal.Domain.Accounts;

namespace WarrantyPortal.Features.Accounts;

/// <summary>Refuses the most common passwords (<see cref="PasswordPolicy"/>); Identity checks the length.</summary>
public sealed class CommonPasswordValidator(IStringLocalizer<AccountText> text) : IPasswordValidator<ApplicationUser>
{
    public const string ErrorCode = "CommonPassword";

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(PasswordPolicy.IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = text["Password_Common"] })
            : IdentityResult.Success);
}
