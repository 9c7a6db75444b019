using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Features.Account;

/// <summary>The real password hasher, counting how often a password is checked.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<ApplicationUser>
{
    private readonly PasswordHasher<ApplicationUser> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class CountingHasherFactory : AppFactory
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher));
    }
}

/// <summary>
/// Sign-in does the same work whether or not the email has an account: a password is hashed once
/// for an unknown email, a wrong password, a deactivated account and a locked one alike, so the time
/// taken does not tell which emails exist. (Counted, not timed.)
/// </summary>
public sealed class SignInEnumerationTests(CountingHasherFactory factory) : IClassFixture<CountingHasherFactory>
{
    private async Task<int> HashesForAsync(string email, string password)
    {
        using var client = factory.CreateClient();
        var before = factory.Hasher.Verifications;
        using var response = await client.SignInAsync(email, password);
        return factory.Hasher.Verifications - before;
    }

    [Fact]
    public async Task UnknownEmail_ChecksAPasswordOnce_LikeAWrongPassword()
    {
        var user = await factory.CreateAsync(Roles.Viewer);

        var wrongPassword = await HashesForAsync(user.Email!, "not the right passphrase");
        var unknownEmail = await HashesForAsync("nobody-here@test.invalid", "not the right passphrase");

        Assert.Equal(1, wrongPassword);
        Assert.Equal(wrongPassword, unknownEmail);
    }

    [Fact]
    public async Task DeactivatedAccount_ChecksAPasswordOnce()
    {
        var user = await factory.CreateAsync(Roles.Viewer, active: false);

        Assert.Equal(1, await HashesForAsync(user.Email!, Users.Password));
    }

    [Fact]
    public async Task LockedAccount_ChecksAPasswordOnce()
    {
        var user = await factory.CreateAsync(Roles.Viewer);
        for (var i = 0; i < 5; i++)
        {
            await HashesForAsync(user.Email!, "not the right passphrase");
        }

        Assert.Equal(1, await HashesForAsync(user.Email!, "not the right passphrase"));
    }
}
