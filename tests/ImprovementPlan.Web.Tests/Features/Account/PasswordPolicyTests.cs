using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Features.Account;

/// <summary>Passwords: 12 characters or more, no composition rules, long passphrases welcome, guessable ones refused.</summary>
public sealed class PasswordPolicyTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("short pass", "Passwords must be at least 12 characters.")]
    [InlineData("password1234", CommonPasswordValidator.Message)]
    [InlineData("QWERTYUIOPAS", CommonPasswordValidator.Message)]
    [InlineData("aaaaaaaaaaaaaaaa", CommonPasswordValidator.Message)]
    [InlineData("0123456789012", CommonPasswordValidator.Message)]
    [InlineData("jordan.price-2026", CommonPasswordValidator.Message)]
    public async Task Create_WeakPassword_IsRefusedWithAMessage(string password, string message)
    {
        var result = await CreateAsync("jordan.price", password);

        Assert.False(result.Succeeded);
        Assert.Contains(message, result.Errors.Select(e => e.Description));
    }

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("all lower case words")]
    [InlineData("Tr0ub4dor&3xyz")]
    public async Task Create_LongOrUnusualPassword_IsAccepted(string password)
    {
        var result = await CreateAsync("sam.okafor", password);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private async Task<IdentityResult> CreateAsync(string name, string password)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var email = $"{name}@{Guid.NewGuid():N}.test";
        return await users.CreateAsync(new ApplicationUser { UserName = email, Email = email, DisplayName = name }, password);
    }
}
