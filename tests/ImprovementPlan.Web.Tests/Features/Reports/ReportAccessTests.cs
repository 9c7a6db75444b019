using System.Net;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>Clerks, the Service Director and administrators prepare and publish; viewers read only what is published.</summary>
public sealed class ReportAccessTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Viewer_CannotSeeDraftsOrPublish()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var draftId = await clerk.CreateReportAsync(ReportKind.BoardProgressReport, new DateOnly(2021, 2, 10), Ct);
        using var viewer = await factory.SignedInClientAsync(Roles.Viewer);
        var token = await viewer.AntiforgeryTokenAsync("/reports");

        using var preview = await viewer.GetAsync(new Uri($"/reports/{draftId}", UriKind.Relative), Ct);
        using var draftPdf = await viewer.GetAsync(new Uri($"/reports/{draftId}/draft/pdf", UriKind.Relative), Ct);
        using var download = await viewer.GetAsync(new Uri($"/reports/{draftId}/pdf", UriKind.Relative), Ct);
        using var versions = await viewer.GetAsync(new Uri($"/reports/{draftId}/versions", UriKind.Relative), Ct);
        using var newForm = await viewer.GetAsync(new Uri("/reports/new", UriKind.Relative), Ct);
        using var publish = await viewer.PostAsync(new Uri($"/reports/{draftId}/publish", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["publishedVersions"] = "0", ["__RequestVerificationToken"] = token }), Ct);
        var list = await viewer.GetDocumentAsync("/reports");

        Assert.Equal(HttpStatusCode.Forbidden, preview.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, draftPdf.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, versions.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, newForm.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Null(list.QuerySelector($"[data-testid=report-{draftId}]"));
        Assert.Null(list.QuerySelector("[data-testid=new-report]"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.PublishedReports.CountAsync(p => p.ReportId == draftId)));
    }

    [Fact]
    public async Task Clerk_CanPublish_AndViewerThenReadsThePublishedVersion()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await clerk.CreateReportAsync(ReportKind.BoardProgressReport, new DateOnly(2021, 2, 24), Ct);
        var list = await clerk.GetDocumentAsync("/reports");
        Assert.NotNull(list.QuerySelector($"[data-testid=report-{id}]"));
        Assert.NotNull((await clerk.GetDocumentAsync($"/reports/{id}")).QuerySelector("[data-testid=publish]"));

        using var published = await clerk.PublishAsync(id, 0, Ct);

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        using var viewer = await factory.SignedInClientAsync(Roles.Viewer);
        var viewerList = await viewer.GetDocumentAsync("/reports");
        Assert.NotNull(viewerList.QuerySelector($"[data-testid=report-{id}]"));
        var bytes = await viewer.GetPdfAsync($"/reports/{id}/pdf", Ct);
        Assert.Equal(bytes, await viewer.GetPdfAsync($"/reports/{id}/versions/1/pdf", Ct));
        Assert.NotNull((await viewer.GetDocumentAsync($"/reports/{id}/versions")).QuerySelector("[data-testid=version-1]"));
    }

    [Theory]
    [InlineData(Roles.HeadOfService)]
    [InlineData(Roles.PerformanceOfficer)]
    public async Task OtherStaff_SeeDraftsButCannotPublish(string role)
    {
        var id = await factory.SeededScrutinyReportIdAsync();
        using var client = await factory.SignedInClientAsync(role);
        var token = await client.AntiforgeryTokenAsync("/reports");

        var preview = await client.GetDocumentAsync($"/reports/{id}");
        using var publish = await client.PostAsync(new Uri($"/reports/{id}/publish", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["publishedVersions"] = "0", ["__RequestVerificationToken"] = token }), Ct);

        Assert.Null(preview.QuerySelector("[data-testid=publish]"));
        Assert.Null(preview.QuerySelector("a[href$='/sections/finance/edit']"));
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
    }
}
