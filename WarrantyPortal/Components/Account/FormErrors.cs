using System.Linq.Expressions;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Identity;

namespace WarrantyPortal.Components.Account;

/// <summary>
/// Field messages for the static account forms, added by the page in the visitor's language and shown next to
/// each field by ValidationMessage; what was typed stays in the form.
/// </summary>
internal sealed class FormErrors(EditContext context)
{
    private readonly ValidationMessageStore _store = new(context);

    public bool Any { get; private set; }

    public void Add(Expression<Func<object>> field, string message)
    {
        _store.Add(field, message);
        Any = true;
        context.NotifyValidationStateChanged();
    }

    public void Required(Expression<Func<string?>> field, string message)
    {
        if (string.IsNullOrWhiteSpace(field.Compile()())) Add(Box(field), message);
    }

    /// <summary>Puts Identity's errors on the field they are about: address errors on the email, the rest on the password.</summary>
    public void AddIdentityErrors(IEnumerable<IdentityError> errors, Expression<Func<object>> emailField, Expression<Func<object>> passwordField)
    {
        foreach (var group in errors.GroupBy(e => e.Description))
        {
            var code = group.First().Code;
            var onEmail = code is "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName";
            Add(onEmail ? emailField : passwordField, group.Key);
        }
    }

    public static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(value.Trim());

    private static Expression<Func<object>> Box(Expression<Func<string?>> field) =>
        Expression.Lambda<Func<object>>(Expression.Convert(field.Body, typeof(object)));
}
