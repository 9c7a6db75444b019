using System.Net;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ImprovementPlan.Web.Tests.Security;

public sealed class AccessTests(AppFactory factory) : IClassFixture<AppFactory>
{
    /// <summary>The only routes anyone may reach without signing in. Adding to this list is a security decision.</summary>
    private static readonly HashSet<string> AnonymousRoutes =
    [
        "GET account/sign-in",
        "POST account/sign-in",
        // Forgotten passwords: asking for a link, and using it (the link itself is the proof).
        "GET account/forgot-password",
        "POST account/forgot-password",
        "GET account/forgot-password/sent",
        "GET account/reset-password",
        "POST account/reset-password",
        // Single sign-on: the button on the sign-in page and the return from the identity provider (404 unless configured).
        "POST account/single-sign-on",
        "GET account/single-sign-on/callback",
        "GET accessibility",
        "* error/{statusCode:int}",
        "* /health/live",
        "* /health/ready",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void EveryEndpoint_RequiresSignInUnlessDeliberatelyAnonymous()
    {
        var endpoints = Endpoints();
        Assert.NotEmpty(endpoints);

        var anonymous = endpoints.Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.Key).ToHashSet();

        Assert.Equal(AnonymousRoutes.Order(StringComparer.Ordinal), anonymous.Order(StringComparer.Ordinal));
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthorizationOptions>>().Value;
        Assert.NotNull(options.FallbackPolicy);
        Assert.Contains(options.FallbackPolicy.Requirements,
            r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
    }

    [Fact]
    public async Task Get_EveryProtectedPage_Anonymous_RedirectsToSignIn()
    {
        using var client = factory.CreateClient();
        var protectedGets = Endpoints()
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Methods.Contains("GET"))
            .Select(e => "/" + e.Endpoint.RoutePattern.RawText!.TrimStart('/'))
            .ToList();
        Assert.NotEmpty(protectedGets);

        foreach (var path in protectedGets)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {response.StatusCode} to an anonymous request.");
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Get_AnyPage_CarriesTheSecurityHeaders()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative), Ct);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Get_UnknownPage_SignedIn_ShowsAFriendlyNotFoundPageWithAReference()
    {
        using var client = await factory.SignedInClientAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Users.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-testid=correlation-id]")!.TextContent));
    }

    private List<(string Key, RouteEndpoint Endpoint, IReadOnlyList<string> Methods)> Endpoints() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e =>
            {
                var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
                var verb = methods.Count == 0 ? "*" : string.Join(",", methods);
                return ($"{verb} {e.RoutePattern.RawText}", e, methods);
            })
            .ToList();
}
