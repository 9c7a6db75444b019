using System.Globalization;
using System.Text;
using ImprovementPlan.Web.Infrastructure.Email;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ImprovementPlan.Web.Identity;

/// <summary>
/// Tokens for the links that let someone choose a password. A token carries when it was made (from
/// the injected clock), the user, the purpose and the account's security stamp, protected by Data
/// Protection (keys in the database, so any instance can check it). It works once: setting the
/// password changes the security stamp. It works for a limited time: see the two subclasses.
/// </summary>
public abstract class PasswordLinkTokenProvider(IDataProtectionProvider protection, TimeProvider clock, string protectorPurpose)
    : IUserTwoFactorTokenProvider<ApplicationUser>
{
    private readonly IDataProtector _protector = protection.CreateProtector(protectorPurpose);

    protected abstract TimeSpan Lifetime { get; }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var payload = string.Join('\n', clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture), await manager.GetUserIdAsync(user), purpose,
            await manager.GetSecurityStampAsync(user));
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token ?? string.Empty))).Split('\n');
        }
        catch (Exception exception) when (exception is FormatException or System.Security.Cryptography.CryptographicException)
        {
            return false;
        }

        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        var made = new DateTimeOffset(ticks, TimeSpan.Zero);
        var now = clock.GetUtcNow();
        return made <= now.AddMinutes(1) && now - made <= Lifetime
            && parts[1] == await manager.GetUserIdAsync(user)
            && parts[2] == purpose
            && parts[3] == await manager.GetSecurityStampAsync(user);
    }
}

/// <summary>"Forgot your password?" links and an administrator's reset links: a couple of hours (Email:PasswordResetLinkHours).</summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IOptionsMonitor<EmailOptions> options)
    : PasswordLinkTokenProvider(protection, clock, "ipt.password-reset")
{
    public const string Name = "ipt-password-reset";

    protected override TimeSpan Lifetime => TimeSpan.FromHours(Math.Max(0.01, options.CurrentValue.PasswordResetLinkHours));
}

/// <summary>The link a new user gets to set their first password: several days (Email:InvitationLinkDays).</summary>
public sealed class InvitationTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IOptionsMonitor<EmailOptions> options)
    : PasswordLinkTokenProvider(protection, clock, "ipt.invitation")
{
    public const string Name = "ipt-invitation";

    protected override TimeSpan Lifetime => TimeSpan.FromDays(Math.Max(0.01, options.CurrentValue.InvitationLinkDays));
}
