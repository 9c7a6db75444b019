using ImprovementPlan.Web.Auditing;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace ImprovementPlan.Web.Features.Account;

/// <summary>The form behind a password link: the new password, twice.</summary>
public sealed class ResetPasswordForm
{
    public string? User { get; set; }

    public string? Token { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}

public enum ResetPasswordOutcome
{
    Done,
    Invalid,

    /// <summary>The link has expired, has been used, or was never valid.</summary>
    LinkNotValid,
}

public sealed record ResetPasswordResult(ResetPasswordOutcome Outcome, IReadOnlyDictionary<string, string> Errors);

/// <summary>
/// Checks a password link and sets the new password. A link is a reset link or a new user's
/// invitation; either works once, because setting the password changes the security stamp.
/// </summary>
public sealed class ResetPasswordHandler(UserManager<ApplicationUser> users, SecurityEvents securityEvents)
{
    public const string PasswordReset = "PasswordReset";

    /// <summary>The user whose link this is, or null when the link is not (or no longer) valid.</summary>
    public async Task<ApplicationUser?> CheckLinkAsync(string? userId, string? token)
    {
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return null;
        }

        var user = await users.FindByIdAsync(userId);
        if (user is not { IsActive: true })
        {
            return null;
        }

        foreach (var provider in new[] { PasswordResetTokenProvider.Name, InvitationTokenProvider.Name })
        {
            if (await users.VerifyUserTokenAsync(user, provider, UserManager<ApplicationUser>.ResetPasswordTokenPurpose, token))
            {
                return user;
            }
        }

        return null;
    }

    public async Task<ResetPasswordResult> HandleAsync(ResetPasswordForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CheckLinkAsync(form.User, form.Token) is not { } user)
        {
            return new(ResetPasswordOutcome.LinkNotValid, new Dictionary<string, string>());
        }

        var errors = await PasswordRules.CheckAsync(users, user, form.Password, form.ConfirmPassword, nameof(form.Password), nameof(form.ConfirmPassword));
        if (errors.Count > 0)
        {
            return new(ResetPasswordOutcome.Invalid, errors);
        }

        // The link has been checked; Identity's own reset then sets the password and renews the stamp in one save.
        var resetToken = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, resetToken, form.Password!);
        if (!result.Succeeded)
        {
            return new(ResetPasswordOutcome.Invalid, PasswordRules.ErrorsOf(result, nameof(form.Password)));
        }

        if (await users.IsLockedOutAsync(user))
        {
            await users.SetLockoutEndDateAsync(user, null);
        }

        await users.ResetAccessFailedCountAsync(user);
        await securityEvents.RecordAsync(PasswordReset, user.Id, user.Email, cancellationToken);
        return new(ResetPasswordOutcome.Done, new Dictionary<string, string>());
    }
}
