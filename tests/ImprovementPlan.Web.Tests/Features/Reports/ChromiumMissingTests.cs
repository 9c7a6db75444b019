using System.Net;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>The app with Pdf:ChromiumPath pointing nowhere.</summary>
public sealed class NoChromiumAppFactory : AppFactory
{
    public const string MissingPath = "/nonexistent/chromium-for-tests";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Pdf:ChromiumPath"] = MissingPath };
}

public sealed class ChromiumMissingTests(NoChromiumAppFactory factory) : IClassFixture<NoChromiumAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetPdf_ChromiumMissing_Answers503WithWhatIsMissingAndHowToFixIt_AndThePreviewStillWorks()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await factory.SeededScrutinyReportIdAsync();

        using var pdf = await clerk.GetAsync(new Uri($"/reports/{id}/draft/pdf", UriKind.Relative), Ct);
        using var preview = await clerk.GetAsync(new Uri($"/reports/{id}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Equal("text/html", pdf.Content.Headers.ContentType?.MediaType);
        var page = await Users.ParseAsync(pdf);
        var problem = page.QuerySelector("[data-testid=pdf-problem]")!.TextContent;
        Assert.Contains($"Chromium was not found at {NoChromiumAppFactory.MissingPath}", problem, StringComparison.Ordinal);
        Assert.Contains("Pdf:ChromiumPath", problem, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", page.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewPage = await Users.ParseAsync(preview);
        Assert.NotNull(previewPage.QuerySelector("[data-testid=priority-1]"));
        Assert.NotNull(previewPage.QuerySelector("[data-testid=renderer-unavailable]"));
    }

    [Fact]
    public async Task Publish_ChromiumMissing_Answers503AndStoresNothing()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await factory.SeededScrutinyReportIdAsync();

        using var response = await clerk.PublishAsync(id, 0, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.PublishedReports)));
    }

    [Fact]
    public async Task Ready_ChromiumMissing_ReportsDegradedWith200()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", await response.Content.ReadAsStringAsync(Ct));
    }
}
