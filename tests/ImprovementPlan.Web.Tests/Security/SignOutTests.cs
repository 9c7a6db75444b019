using System.Net;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;

namespace ImprovementPlan.Web.Tests.Security;

/// <summary>Signing out ends the session on the server: a copy of the cookie taken before stops working.</summary>
public sealed class SignOutTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CopiedCookie_AfterSignOut_NoLongerOpensPages()
    {
        var user = await factory.CreateAsync(Roles.Viewer);
        using var browser = factory.CreateClient();
        using var signedIn = await browser.SignInAsync(user.Email!, Users.Password);
        var copied = CopiedCookies.CookieHeader(signedIn);
        using var thief = factory.ReplayingClient(copied);
        using (var before = await thief.GetAsync(new Uri("/actions/QP21", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var signedOut = await browser.PostFormAsync("/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var after = await thief.GetAsync(new Uri("/actions/QP21", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningInAgain_AfterSignOut_Works()
    {
        var user = await factory.CreateAsync(Roles.Viewer);
        using var browser = factory.CreateClient();
        using (await browser.SignInAsync(user.Email!, Users.Password))
        using (await browser.PostFormAsync("/account/sign-out"))
        using (var again = await browser.SignInAsync(user.Email!, Users.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        using var page = await browser.GetAsync(new Uri("/actions/QP21", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
