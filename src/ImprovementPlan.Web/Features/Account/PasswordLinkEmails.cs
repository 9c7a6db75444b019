using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;

namespace ImprovementPlan.Web.Features.Account;

/// <summary>
/// Writes the emails that carry a link to choose a password: "reset your password" (asked for by the
/// person or sent by an administrator) and "set your password" for a new user. The message goes into
/// the outbox; the caller's save commits it.
/// </summary>
public sealed class PasswordLinkEmailsService(UserManager<ApplicationUser> users, Outbox outbox)
{
    public async Task AddResetLinkAsync(ApplicationUser user, bool sentByAdministrator)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GenerateUserTokenAsync(user, PasswordResetTokenProvider.Name, UserManager<ApplicationUser>.ResetPasswordTokenPurpose);
        var hours = outbox.Settings.PasswordResetLinkHours;
        var content = new EmailContent("Reset your password")
            .Paragraph($"Dear {user.DisplayName},")
            .Paragraph(sentByAdministrator
                ? "An administrator of the Improvement Plan Tracker has sent you a link to choose a new password."
                : "Someone asked to reset the password of your Improvement Plan Tracker account. If it was you, use the link below to choose a new password.")
            .Link("Choose a new password", outbox.Link(ResetLink(user.Id, token)))
            .Paragraph($"The link works once, for {Duration(hours)}. If you did not ask for it, you can ignore this email: your password has not changed.");
        outbox.Add(null, user.Id, user.Email!, user.DisplayName, "Reset your Improvement Plan Tracker password", content,
            $"password-reset:{Guid.NewGuid():N}");
    }

    public async Task AddInvitationAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.Name, UserManager<ApplicationUser>.ResetPasswordTokenPurpose);
        var days = outbox.Settings.InvitationLinkDays;
        var content = new EmailContent("Your Improvement Plan Tracker account")
            .Paragraph($"Dear {user.DisplayName},")
            .Paragraph("An account has been made for you in the Improvement Plan Tracker. Choose a password to start using it.")
            .Link("Choose your password", outbox.Link(ResetLink(user.Id, token)))
            .Paragraph($"You sign in with this email address. The link works once, for {Duration(days * 24)}.");
        outbox.Add(null, user.Id, user.Email!, user.DisplayName, "Choose a password for the Improvement Plan Tracker", content,
            $"invitation:{Guid.NewGuid():N}");
    }

    /// <summary>The reset page's address for this user and token.</summary>
    public static string ResetLink(string userId, string token) =>
        $"/account/reset-password?user={Uri.EscapeDataString(userId)}&token={Uri.EscapeDataString(token)}";

    private static string Duration(double hours) => hours switch
    {
        >= 48 when hours % 24 == 0 => $"{hours / 24:0} days",
        1 => "1 hour",
        >= 1 when hours % 1 == 0 => $"{hours:0} hours",
        _ => $"{hours * 60:0} minutes",
    };
}
