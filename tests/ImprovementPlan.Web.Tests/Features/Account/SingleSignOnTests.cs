using System.Net;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Features.Account;

/// <summary>The app configured for single sign-on against a real (local) OpenID Connect provider.</summary>
public sealed class SingleSignOnAppFactory : AppFactory, IAsyncLifetime
{
    public SingleSignOnAppFactory() =>
        // The protocol's nonces and tokens carry real times; the fixed test date would make them stale.
        Clock.SetUtcNow(DateTimeOffset.UtcNow);

    public TestIdentityProvider Provider { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Authentication:OpenIdConnect:Authority"] = Provider.Authority,
        ["Authentication:OpenIdConnect:ClientId"] = TestIdentityProvider.ClientId,
        ["Authentication:OpenIdConnect:ClientSecret"] = "test-secret",
        ["Authentication:OpenIdConnect:DisplayName"] = "Council account",
        ["Authentication:OpenIdConnect:RequireHttpsMetadata"] = "false",
    };

    public async ValueTask InitializeAsync() => Provider = await TestIdentityProvider.StartAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public sealed class SingleSignOnTests(SingleSignOnAppFactory factory) : IClassFixture<SingleSignOnAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Presses "Sign in with …" and follows the redirects a browser would, through the provider and back.</summary>
    private async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient client, string subject, string? email, string returnUrl = "/")
    {
        factory.Provider.NextUser = (subject, email);
        var page = await client.GetDocumentAsync("/account/sign-in");
        Assert.Equal("Sign in with Council account", page.QuerySelector("[data-testid=single-sign-on] button")!.TextContent.Trim());

        using var challenge = await PressSingleSignOnAsync(client, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(factory.Provider.Authority + "/authorize", authorize.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", authorize.Query, StringComparison.Ordinal);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var atProvider = await browser.GetAsync(authorize, Ct);
        Assert.Equal(HttpStatusCode.Redirect, atProvider.StatusCode);
        using var callback = await client.GetAsync(new Uri(atProvider.Headers.Location!.PathAndQuery, UriKind.Relative), Ct);
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"The provider's callback answered {callback.StatusCode}.");
        return await client.GetAsync(new Uri(callback.Headers.Location!.OriginalString, UriKind.Relative), Ct);
    }

    [Fact]
    public async Task SignIn_FirstTime_LinksTheAccountWithTheSameEmailAndReturnsToThePageAsked()
    {
        var user = await factory.CreateAsync(Roles.Viewer, "first.time@council.example");
        using var client = factory.CreateClient();

        using var response = await SignInThroughProviderAsync(client, "subject-first", "First.Time@council.example", "/priorities");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/priorities", response.Headers.Location!.OriginalString);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var logins = await LoginsAsync(user);
        Assert.Equal(("oidc", "subject-first"), Assert.Single(logins));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(
            e => e.EntityType == "Security" && e.UserId == user.Id && e.Changes!.Contains("account linked"), Ct)));
    }

    [Fact]
    public async Task SignIn_LinkedBefore_FindsTheAccountByTheProvidersIdEvenIfTheEmailChanged()
    {
        var user = await LinkedUserAsync(Roles.CommitteeClerk, "subject-renamed", "renamed@council.example");

        using var client = factory.CreateClient();
        using var response = await SignInThroughProviderAsync(client, "subject-renamed", "new.name@council.example");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var reports = await client.GetAsync(new Uri("/reports/new", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, reports.StatusCode);
        Assert.Single(await LoginsAsync(user));
    }

    [Fact]
    public async Task SignIn_NoAccountForThatPerson_SaysSoAndSignsNobodyIn()
    {
        using var client = factory.CreateClient();

        using var response = await SignInThroughProviderAsync(client, "subject-stranger", "stranger@council.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Users.ParseAsync(response);
        Assert.Contains("There is no active account in the tracker for stranger@council.example",
            page.QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/sign-in", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_DeactivatedAccount_IsRefusedEvenWhenLinked()
    {
        var user = await LinkedUserAsync(Roles.Viewer, "subject-leaver", "leaver@council.example");

        await factory.WithDbAsync(async db =>
        {
            var saved = await db.Users.SingleAsync(u => u.Id == user.Id, Ct);
            saved.IsActive = false;
            return await db.SaveChangesAsync(Ct);
        });
        using var client = factory.CreateClient();

        using var response = await SignInThroughProviderAsync(client, "subject-leaver", "leaver@council.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    /// <summary>A user who has signed in through the provider once, so their account is linked to the provider's subject.</summary>
    private async Task<ApplicationUser> LinkedUserAsync(string role, string subject, string email)
    {
        var user = await factory.CreateAsync(role, email);
        using var client = factory.CreateClient();
        using var linked = await SignInThroughProviderAsync(client, subject, email);
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        return user;
    }

    /// <summary>Posts the sign-in page's single sign-on form, with the page's antiforgery token, signed out.</summary>
    internal static async Task<HttpResponseMessage> PressSingleSignOnAsync(HttpClient client, string returnUrl)
    {
        var token = await client.AntiforgeryTokenAsync("/account/sign-in");
        using var content = new FormUrlEncodedContent([new("ReturnUrl", returnUrl), new("__RequestVerificationToken", token)]);
        return await client.PostAsync(new Uri("/account/single-sign-on", UriKind.Relative), content, Ct);
    }

    private async Task<List<(string Provider, string Key)>> LoginsAsync(ApplicationUser user)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var saved = await users.FindByIdAsync(user.Id);
        return [.. (await users.GetLoginsAsync(saved!)).Select(l => (l.LoginProvider, l.ProviderKey))];
    }
}

public sealed class SingleSignOnOffTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task SignInPage_WithoutAProviderConfigured_OffersOnlyThePassword_AndTheRouteIsNotThere()
    {
        using var client = factory.CreateClient();

        var page = await client.GetDocumentAsync("/account/sign-in");
        using var post = await SingleSignOnTests.PressSingleSignOnAsync(client, "/");

        Assert.Null(page.QuerySelector("[data-testid=single-sign-on]"));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }
}
