using System.Net;
using ImprovementPlan.Web.Identity;
using static ImprovementPlan.Web.Tests.Features.Updates.UpdateTestData;

namespace ImprovementPlan.Web.Tests.Infrastructure;

/// <summary>Two app instances on one database file, each started in turn, as two servers behind a load balancer.</summary>
public sealed class TwoInstances : IDisposable
{
    public TwoInstances()
    {
        _ = First.Services;
        Second = new SharedDataFactory(First.DataDirectory);
        _ = Second.Services;
    }

    public AppFactory First { get; } = new();

    public SharedDataFactory Second { get; }

    public void Dispose()
    {
        Second.Dispose();
        First.Dispose();
    }
}

public sealed class TwoInstanceTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private AppFactory First => instances.First;

    private SharedDataFactory Second => instances.Second;

    [Fact]
    public async Task UpdateWithFile_WrittenThroughOne_IsReadAndDownloadedThroughTheOther()
    {
        var (_, writer) = await First.LeadOfActionAsync("E48");
        var pdf = Pdf(5000);
        using var created = await writer.PostFormAsync("/actions/E48/updates/new", Fields("Written on the first server."), ("minutes.pdf", pdf));
        var id = RedirectedUpdateId(created);
        var evidenceId = (await First.UpdateAsync(id))!.Evidence.Single().Id;
        var director = await Second.CreateAsync(Roles.ServiceDirector);
        using var reader = await Second.SignedInAsync(director);

        var page = await reader.GetDocumentAsync($"/updates/{id}");
        using var download = await reader.GetAsync(new Uri($"/evidence/{evidenceId}", UriKind.Relative), Ct);

        Assert.Contains("Written on the first server.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));
        Assert.False(Directory.Exists(Path.Combine(First.DataDirectory, "evidence")), "The database store wrote a file to the instance's disk.");
    }

    [Fact]
    public async Task Cookie_IssuedByOne_WorksOnTheOther()
    {
        var user = await First.CreateAsync(Roles.Viewer);
        using var browser = First.CreateClient();
        using var signedIn = await browser.SignInAsync(user.Email!, Users.Password);
        using var onSecond = Second.ReplayingClient(CopiedCookies.CookieHeader(signedIn));

        using var page = await onSecond.GetAsync(new Uri("/actions/QP21", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task SignOut_OnOne_EndsTheSessionOnBoth()
    {
        var user = await First.CreateAsync(Roles.Viewer);
        using var browser = First.CreateClient();
        using var signedIn = await browser.SignInAsync(user.Email!, Users.Password);
        var cookie = CopiedCookies.CookieHeader(signedIn);
        using var onFirst = First.ReplayingClient(cookie);
        using var onSecond = Second.ReplayingClient(cookie);
        using (var before = await onSecond.GetAsync(new Uri("/actions/QP21", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var signOut = await browser.PostFormAsync("/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        // No cache stands between the stamp and the check: the very next request on either instance is refused.
        foreach (var client in new[] { onFirst, onSecond })
        {
            using var after = await client.GetAsync(new Uri("/actions/QP21", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.StartsWith("/account/sign-in", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
