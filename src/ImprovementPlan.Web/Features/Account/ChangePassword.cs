using ImprovementPlan.Web.Auditing;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace ImprovementPlan.Web.Features.Account;

/// <summary>Changing one's own password: the current one, and the new one twice.</summary>
public sealed class ChangePasswordForm
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }
}

/// <summary>
/// Changes the signed-in user's password. The security stamp changes with it, so every other
/// session of theirs ends; the caller refreshes the current one.
/// </summary>
public sealed class ChangePasswordHandler(UserManager<ApplicationUser> users, SecurityEvents securityEvents)
{
    public const string PasswordChanged = "PasswordChanged";
    public const string WrongPasswordMessage = "Your current password is incorrect";

    public async Task<IReadOnlyDictionary<string, string>> HandleAsync(ApplicationUser user, ChangePasswordForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(form.CurrentPassword))
        {
            errors[nameof(form.CurrentPassword)] = "Enter your current password";
        }
        else if (form.CurrentPassword.Length > 256 || !await users.CheckPasswordAsync(user, form.CurrentPassword))
        {
            errors[nameof(form.CurrentPassword)] = WrongPasswordMessage;
        }

        foreach (var (key, message) in await PasswordRules.CheckAsync(users, user, form.NewPassword, form.ConfirmPassword, nameof(form.NewPassword),
            nameof(form.ConfirmPassword)))
        {
            errors.TryAdd(key, message);
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
        if (!result.Succeeded)
        {
            return PasswordRules.ErrorsOf(result, nameof(form.NewPassword));
        }

        await securityEvents.RecordAsync(PasswordChanged, user.Id, user.Email, cancellationToken);
        return errors;
    }
}
