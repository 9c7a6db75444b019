using ImprovementPlan.Web.Auditing;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace ImprovementPlan.Web.Features.Account;

/// <summary>The "Forgot your password?" form.</summary>
public sealed class ForgotPasswordForm
{
    public string? Email { get; set; }

    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Email))
        {
            errors[nameof(Email)] = "Enter your email address";
        }
        else if (Email.Length > 256 || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(Email.Trim()))
        {
            errors[nameof(Email)] = "Enter an email address in the correct format, like name@example.com";
        }

        return errors;
    }
}

/// <summary>
/// Sends a reset link to an active account with that email. The answer is the same whether or not
/// there is one, and the work is alike (a token made, a security event saved), so neither the page
/// nor its timing tells which addresses have accounts.
/// </summary>
public sealed class RequestPasswordResetHandler(
    UserManager<ApplicationUser> users,
    PasswordLinkEmailsService emails,
    SecurityEvents securityEvents)
{
    public const string Requested = "PasswordResetRequested";

    public async Task HandleAsync(ForgotPasswordForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is { IsActive: true, Email: not null })
        {
            await emails.AddResetLinkAsync(user, sentByAdministrator: false);
            await securityEvents.RecordAsync(Requested, user.Id, user.Email, cancellationToken);
            return;
        }

        // No such account: make a token all the same, for a throwaway user, and record the event.
        await users.GenerateUserTokenAsync(new ApplicationUser { SecurityStamp = Guid.NewGuid().ToString() }, PasswordResetTokenProvider.Name,
            UserManager<ApplicationUser>.ResetPasswordTokenPurpose);
        await securityEvents.RecordAsync(Requested, user?.Id, null, "no active account with that email", cancellationToken);
    }
}
