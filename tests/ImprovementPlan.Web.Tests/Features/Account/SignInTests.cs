using System.Net;
using ImprovementPlan.Web.Auditing;
using ImprovementPlan.Web.Features.Account;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Account;

public sealed class SignInTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_SignIn_ShowsEmailAndPasswordWithAnAntiforgeryToken()
    {
        using var client = factory.CreateClient();

        var page = await client.GetDocumentAsync("/account/sign-in");

        Assert.NotNull(page.QuerySelector("input#Email[name=Email]"));
        Assert.NotNull(page.QuerySelector("input#Password[name=Password][type=password]"));
        Assert.NotNull(page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]"));
        Assert.Equal("Sign in", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Post_CorrectPassword_SignsInAndRecordsTheEvent()
    {
        var user = await factory.CreateAsync(Roles.Viewer);
        using var client = factory.CreateClient();

        using var response = await client.SignInAsync(user.Email!, Users.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.UserId == user.Id && e.Operation == SecurityEvents.SignedIn, Ct)));
    }

    [Fact]
    public async Task Post_WrongPassword_ShowsOneGenericMessageAndStaysSignedOut()
    {
        var user = await factory.CreateAsync(Roles.Viewer);
        using var client = factory.CreateClient();

        using var response = await client.SignInAsync(user.Email!, "not the right passphrase");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Users.ParseAsync(response);
        Assert.Contains(AccountController.FailureMessage, page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Error:", page.Title, StringComparison.Ordinal);
        Assert.Equal(user.Email, ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Email")!).Value);
        Assert.Empty(((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Password")!).Value);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownEmail_ShowsTheSameMessageAsAWrongPassword()
    {
        using var client = factory.CreateClient();

        using var response = await client.SignInAsync("nobody@test.invalid", "whatever the passphrase");

        var page = await Users.ParseAsync(response);
        Assert.Contains(AccountController.FailureMessage, page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_EmptyFields_ShowsAMessageForEachField()
    {
        using var client = factory.CreateClient();

        using var response = await client.SignInAsync("", "");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Users.ParseAsync(response);
        var summary = page.QuerySelector("[data-testid=error-summary]")!;
        Assert.Contains("Enter your email address", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("Enter your password", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Email", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#Email-error"));
        Assert.NotNull(page.QuerySelector("#Password-error"));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        var user = await factory.CreateAsync(Roles.Viewer);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Email"] = user.Email!, ["Password"] = Users.Password }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(
            e => e.Operation == SecurityEvents.AntiforgeryRejected && e.Changes!.Contains("POST /account/sign-in"), Ct)));
    }

    [Fact]
    public async Task Post_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        var user = await factory.CreateAsync(Roles.Viewer);
        using var client = factory.CreateClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var failed = await client.SignInAsync(user.Email!, "a wrong passphrase here");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        using var response = await client.SignInAsync(user.Email!, Users.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(AccountController.FailureMessage, (await Users.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.UserId == user.Id && e.Operation == SecurityEvents.LockedOut, Ct)));
    }

    [Fact]
    public async Task Post_DeactivatedUser_CannotSignIn()
    {
        var user = await factory.CreateAsync(Roles.HeadOfService, active: false);
        using var client = factory.CreateClient();

        using var response = await client.SignInAsync(user.Email!, Users.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Post_ReturnUrlOffSite_IsIgnored()
    {
        var user = await factory.CreateAsync(Roles.Viewer);
        using var client = factory.CreateClient();
        var token = await client.AntiforgeryTokenAsync("/account/sign-in");

        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["Email"] = user.Email!,
                ["Password"] = Users.Password,
                ["ReturnUrl"] = "https://evil.example/",
                ["__RequestVerificationToken"] = token,
            }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Post_SignOut_EndsTheSession()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);
        var token = await client.AntiforgeryTokenAsync("/");

        using var response = await client.PostAsync(new Uri("/account/sign-out", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task SignInCookie_IsHttpOnlySecureAndSameSite()
    {
        var user = await factory.CreateAsync(Roles.Viewer);
        using var client = factory.CreateClient();

        using var response = await client.SignInAsync(user.Email!, Users.Password);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-ipt.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Sign-in attempts are rate limited per client address, with a Retry-After.</summary>
public sealed class SignInRateLimitTests(SignInRateLimitTests.StrictFactory factory) : IClassFixture<SignInRateLimitTests.StrictFactory>
{
    [Fact]
    public async Task Post_MoreAttemptsThanTheLimit_Returns429WithRetryAfter()
    {
        using var client = factory.CreateClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var allowed = await client.SignInAsync("someone@test.invalid", "a wrong passphrase here");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var response = await client.SignInAsync("someone@test.invalid", "a wrong passphrase here");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    public sealed class StrictFactory : AppFactory
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Authentication:SignInAttemptsPerMinute"] = "3" };
    }
}
