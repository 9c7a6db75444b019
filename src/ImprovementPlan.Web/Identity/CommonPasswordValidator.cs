using Microsoft.AspNetCore.Identity;

namespace ImprovementPlan.Web.Identity;

/// <summary>
/// Refuses passwords that are easy to guess even at 12 characters or more: well-known ones, a single
/// repeated character, keyboard and number runs, and ones built from the user's own email address.
/// Length does the rest; there are no composition rules (NCSC guidance).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<ApplicationUser>
{
    public const string Message = "Choose a password that is harder to guess: avoid common passwords, repeated characters and your email address";

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password1234", "password12345", "password123456", "passwordpassword", "password1234!", "password123!",
        "123456789012", "1234567890123", "12345678901234", "123456123456", "qwertyuiopas", "qwertyuiop12",
        "qwerty123456", "qwertyqwerty", "1q2w3e4r5t6y", "1qaz2wsx3edc", "abcdefghijkl", "abc123abc123",
        "iloveyou1234", "welcome12345", "letmein12345", "changeme1234", "administrator", "administrator1",
        "dudleycouncil", "dudleycouncil1", "childrensservices", "improvementplan", "trustno1trustno1",
        "football1234", "liverpool1234", "manchesterunited", "monkey123456", "sunshine1234", "princess1234",
    };

    private static readonly string[] Runs = ["0123456789012345", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm"];

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lower = password.ToLowerInvariant();
        var localPart = (user.Email ?? user.UserName ?? string.Empty).Split('@')[0].ToLowerInvariant();
        var weak = Common.Contains(password)
            || lower.Distinct().Count() <= 2
            || Runs.Any(run => run.Contains(lower, StringComparison.Ordinal))
            || (localPart.Length >= 4 && lower.Contains(localPart, StringComparison.Ordinal));
        return Task.FromResult(weak
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = Message })
            : IdentityResult.Success);
    }
}
