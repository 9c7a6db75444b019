using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;

namespace ImprovementPlan.Web.Tests.Security;

/// <summary>
/// Over TLS (cookies Secure, the default), every cookie the app sets carries the __Host- prefix, so
/// the browser insists on Secure, Path=/ and no Domain: a neighbouring subdomain cannot plant or widen one.
/// </summary>
public sealed class CookiePrefixTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignIn_AndANotification_SetOnlyHostPrefixedSecureCookies()
    {
        var user = await factory.CreateAsync(Roles.HeadOfService);
        using var client = factory.CreateClient();
        var setCookies = new List<string>();

        using (var page = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative), Ct))
        {
            setCookies.AddRange(page.Headers.GetValues("Set-Cookie"));
        }

        using (var signedIn = await client.SignInAsync(user.Email!, Users.Password))
        {
            setCookies.AddRange(signedIn.Headers.GetValues("Set-Cookie"));
        }

        // A notification is carried to the next page in the TempData cookie.
        using (var signedOut = await client.PostFormAsync("/account/sign-out"))
        {
            setCookies.AddRange(signedOut.Headers.TryGetValues("Set-Cookie", out var values) ? values : []);
        }

        Assert.Contains(setCookies, c => c.StartsWith("__Host-ipt.auth=", StringComparison.Ordinal));
        Assert.Contains(setCookies, c => c.StartsWith("__Host-ipt.antiforgery=", StringComparison.Ordinal));
        Assert.All(setCookies, cookie =>
        {
            Assert.StartsWith("__Host-", cookie, StringComparison.Ordinal);
            var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.Contains("secure", attributes);
            Assert.Contains("path=/", attributes);
            Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
        });
    }
}

/// <summary>Over plain HTTP (a local trial with Security:CookieSecurePolicy=SameAsRequest) the prefix cannot be used, so the plain names are.</summary>
public sealed class PlainHttpCookieTests : IClassFixture<PlainHttpCookieTests.PlainHttpFactory>
{
    private readonly PlainHttpFactory _factory;

    public PlainHttpCookieTests(PlainHttpFactory factory) => _factory = factory;

    public sealed class PlainHttpFactory : AppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Security:CookieSecurePolicy"] = "SameAsRequest",
        };
    }

    [Fact]
    public async Task SignIn_OverHttp_WorksWithUnprefixedCookies()
    {
        var user = await _factory.CreateAsync(Roles.Viewer);
        using var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("http://localhost"),
            AllowAutoRedirect = false,
        });

        using var signedIn = await client.SignInAsync(user.Email!, Users.Password);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ipt.auth=", StringComparison.Ordinal));
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, home.StatusCode);
    }
}
