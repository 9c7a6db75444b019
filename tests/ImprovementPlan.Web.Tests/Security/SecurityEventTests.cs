using System.Net;
using ImprovementPlan.Web.Auditing;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Security;

/// <summary>Refusals are security events in the audit trail, with who was refused and what they asked for.</summary>
public sealed class SecurityEventTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_PageTheRoleMayNotSee_Returns403AndRecordsAccessDenied()
    {
        var viewer = await factory.CreateAsync(Roles.Viewer);
        using var client = factory.CreateClient();
        await client.SignInAsync(viewer.Email!, Users.Password);

        using var response = await client.GetAsync(new Uri("/audit", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You do not have permission to do that", (await Users.ParseAsync(response)).QuerySelector("h1")!.TextContent);
        var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(
            e => e.UserId == viewer.Id && e.Operation == SecurityEvents.AccessDenied, Ct));
        Assert.Contains("GET /audit", entry.Changes, StringComparison.Ordinal);
    }
}
