using System.Net;
using ImprovementPlan.Web.Tests.Infrastructure;

namespace ImprovementPlan.Web.Tests.Security;

/// <summary>The error pages answer only with statuses the app really uses; any other number is a page that does not exist.</summary>
public sealed class ErrorStatusTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(99)]
    [InlineData(200)]
    [InlineData(302)]
    [InlineData(399)]
    [InlineData(418)]
    [InlineData(600)]
    [InlineData(999)]
    public async Task Get_NotAnErrorStatus_Returns404(int status)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri($"/error/{status}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Users.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(413)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Get_ErrorStatusTheAppUses_AnswersWithThatStatus(int status)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri($"/error/{status}", UriKind.Relative), Ct);

        Assert.Equal(status, (int)response.StatusCode);
    }
}
