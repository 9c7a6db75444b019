using Microsoft.AspNetCore.Identity;

namespace ImprovementPlan.Web.Identity;

/// <summary>
/// Makes a sign-in that fails before any password is checked (no such account, a deactivated or
/// locked one) do the same work as a wrong password: it verifies the password against a hash of a
/// random secret with the real hasher. The time a sign-in takes then does not tell which emails have
/// accounts. The hash is made once per process with the same hasher (and so the same work factor).
/// </summary>
public sealed class UnknownAccountPasswordCheck(IServiceScopeFactory scopes)
{
    private readonly Lazy<string> _hash = new(() =>
    {
        using var scope = scopes.CreateScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<ApplicationUser>>();
        return hasher.HashPassword(new ApplicationUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
    });

    /// <summary>Runs the hasher once, as checking a real account's password would, and always fails.</summary>
    public void Verify(IPasswordHasher<ApplicationUser> hasher, string? password)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        hasher.VerifyHashedPassword(new ApplicationUser(), _hash.Value, password ?? string.Empty);
    }
}
