using System.Net;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;

namespace ImprovementPlan.Web.Tests.Features.Account;

/// <summary>Sessions end after an idle hour, and after ten hours however active they are.</summary>
public sealed class SessionLifetimeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ActiveSession_EndsAtTheAbsoluteLifetime()
    {
        using var factory = new AppFactory();
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        // A request every 31 minutes keeps the sliding idle timeout renewed for nine and a half hours.
        for (var elapsed = 31; elapsed < 9 * 60 + 30; elapsed += 31)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(31));
            using var stillIn = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
            Assert.True(stillIn.StatusCode == HttpStatusCode.OK, $"Signed out after {elapsed} minutes of activity.");
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(45));
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdleSession_EndsAfterTheIdleTimeout()
    {
        using var factory = new AppFactory();
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
