using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace ImprovementPlan.Web.Features.Account;

/// <summary>The password policy's refusals in GOV.UK wording, keyed by the form field they belong to.</summary>
public static class PasswordRules
{
    public const int Limit = 256;

    public static async Task<Dictionary<string, string>> CheckAsync(UserManager<ApplicationUser> users, ApplicationUser user, string? password,
        string? confirmation, string passwordField, string confirmationField)
    {
        ArgumentNullException.ThrowIfNull(users);
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(password))
        {
            errors[passwordField] = "Enter a new password";
            return errors;
        }

        if (password.Length > Limit)
        {
            errors[passwordField] = "Password must be 256 characters or fewer";
            return errors;
        }

        foreach (var validator in users.PasswordValidators)
        {
            foreach (var (key, message) in ErrorsOf(await validator.ValidateAsync(users, user, password), passwordField))
            {
                errors.TryAdd(key, message);
            }
        }

        if (!errors.ContainsKey(passwordField) && password != confirmation)
        {
            errors[confirmationField] = "The passwords do not match";
        }

        return errors;
    }

    public static Dictionary<string, string> ErrorsOf(IdentityResult result, string passwordField)
    {
        ArgumentNullException.ThrowIfNull(result);
        var errors = new Dictionary<string, string>();
        foreach (var error in result.Errors)
        {
            var message = error.Code switch
            {
                nameof(IdentityErrorDescriber.PasswordTooShort) => "Password must be 12 characters or more",
                nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "Password must use more different characters",
                _ => error.Description,
            };
            errors.TryAdd(passwordField, message);
        }

        return errors;
    }
}
