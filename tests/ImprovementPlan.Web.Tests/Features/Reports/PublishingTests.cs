using System.Net;
using System.Security.Cryptography;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>Publishing: the stored PDF never changes; later edits start a new draft; versions can be compared.</summary>
public sealed class PublishingTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publish_ThenDataEdited_PublishedBytesAndSha256DoNotChange()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await factory.SeededScrutinyReportIdAsync();

        using var published = await clerk.PublishAsync(id, 0, Ct);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var stored = await factory.WithDbAsync(db => db.PublishedReports.SingleAsync(p => p.ReportId == id && p.VersionNumber == 1));
        var before = await clerk.GetPdfAsync($"/reports/{id}/versions/1/pdf", Ct);

        // Change what the report is made from: a figure (a whole number: the measure shows no decimal places), and a clerk's section.
        await factory.WithDbAsync(async db =>
        {
            var measure = await db.Measures.Include(m => m.Actuals).SingleAsync(m => m.Code == "MASH-CONTACTS-1WD");
            measure.RecordActual(new DateOnly(2021, 2, 1), new DateOnly(2021, 2, 28), "February 2021", 93m, null);
            return await db.SaveChangesAsync();
        });
        await EditSectionAsync(clerk, id, ReportSectionKeys.Finance, "A revised finance paragraph mentioning £9.999m.");

        var after = await clerk.GetPdfAsync($"/reports/{id}/versions/1/pdf", Ct);
        var download = await clerk.GetPdfAsync($"/reports/{id}/pdf", Ct);
        var draft = await clerk.GetPdfAsync($"/reports/{id}/draft/pdf", Ct);

        Assert.Equal(before, after);
        Assert.Equal(before, download);
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(after)));
        Assert.Equal(stored.PdfBytes, after);
        Assert.DoesNotContain("93%", ReportTestSupport.Text(after), StringComparison.Ordinal);
        var draftText = ReportTestSupport.Text(draft);
        Assert.Contains("93%", draftText, StringComparison.Ordinal);
        Assert.Contains("£9.999m", draftText, StringComparison.Ordinal);

        // Publishing again makes version 2; the comparison names what changed.
        using var second = await clerk.PublishAsync(id, 1, Ct);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var compare = await clerk.GetDocumentAsync($"/reports/{id}/versions/2/compare");
        var changes = compare.QuerySelector("[data-testid=changes]")!.TextContent;
        Assert.Contains("Contacts progressed within one working day: latest actual", changes, StringComparison.Ordinal);
        Assert.Contains("76% (January 2021)", changes, StringComparison.Ordinal);
        Assert.Contains("93% (February 2021)", changes, StringComparison.Ordinal);
        Assert.Contains("Finance (text)", changes, StringComparison.Ordinal);
        Assert.Contains(compare.QuerySelectorAll("[data-testid=after-text] ins"), ins => ins.TextContent.Contains("£9.999m", StringComparison.Ordinal));
        Assert.NotEmpty(compare.QuerySelectorAll("[data-testid=before-text] del"));
        Assert.Equal(before, await clerk.GetPdfAsync($"/reports/{id}/versions/1/pdf", Ct));
    }

    [Fact]
    public async Task Publish_SameFormSubmittedTwice_PublishesOneVersion()
    {
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var id = await director.CreateReportAsync(ReportKind.CsipReviewPack, new DateOnly(2021, 3, 5), Ct);

        using var first = await director.PublishAsync(id, 0, Ct);
        using var again = await director.PublishAsync(id, 0, Ct);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.PublishedReports.CountAsync(p => p.ReportId == id)));
        var versions = await director.GetDocumentAsync($"/reports/{id}/versions");
        Assert.NotNull(versions.QuerySelector("[data-testid=version-1]"));
        Assert.Null(versions.QuerySelector("[data-testid=version-2]"));
    }

    [Fact]
    public async Task PostNew_SameKindAndDateTwice_MakesOneReportAndSaysSo()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var date = new DateOnly(2021, 4, 21);

        var first = await clerk.CreateReportAsync(ReportKind.CsipReviewPack, date, Ct);
        var again = await clerk.CreateReportAsync(ReportKind.CsipReviewPack, date, Ct);
        var page = await clerk.GetDocumentAsync($"/reports/{again}");
        var otherKind = await clerk.CreateReportAsync(ReportKind.FullActionPlan, date, Ct);

        Assert.Equal(first, again);
        Assert.NotEqual(first, otherKind);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Reports.CountAsync(r => r.Kind == ReportKind.CsipReviewPack && r.ReportDate == date, Ct)));
        Assert.Equal("The report for this date already exists (CSIP review pack), so no new one was made. This is it.",
            page.QuerySelector("[data-testid=notification] p")!.TextContent.Trim());
    }

    [Fact]
    public async Task PostNew_SameFormSentFourTimesAtOnce_MakesOneReport()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var date = new DateOnly(2021, 5, 12);

        var ids = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => clerk.CreateReportAsync(ReportKind.FullActionPlan, date, Ct)));

        Assert.Single(ids.Distinct());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Reports.CountAsync(r => r.Kind == ReportKind.FullActionPlan && r.ReportDate == date, Ct)));
    }

    [Fact]
    public async Task GetVersion_AfterTheDataChanged_ShowsTheReportAsPublishedInTheBrowser_ToEveryRole()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await clerk.CreateReportAsync(ReportKind.BoardProgressReport, new DateOnly(2021, 6, 2), Ct);
        await EditSectionAsync(clerk, id, ReportTemplates.BoardSummary, "Summary as published. <script>alert('x')</script>");
        using var published = await clerk.PublishAsync(id, 0, Ct);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        await EditSectionAsync(clerk, id, ReportTemplates.BoardSummary, "Summary changed after publishing.");
        using var viewer = await factory.SignedInClientAsync(Roles.Viewer);

        var page = await viewer.GetDocumentAsync($"/reports/{id}/versions/1");

        var body = page.QuerySelector("[data-testid=published-body]")!;
        Assert.Contains("Summary as published. <script>alert('x')</script>", body.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Summary changed after publishing", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main script"));
        Assert.Null(body.QuerySelector("a[href*='/sections/']"));
        Assert.NotNull(body.QuerySelector("h1"));
        Assert.NotNull(page.QuerySelector($"[data-testid=version-pdf][href='/reports/{id}/versions/1/pdf']"));
        var draft = await clerk.GetDocumentAsync($"/reports/{id}");
        Assert.Contains("Summary changed after publishing.", draft.Body!.TextContent, StringComparison.Ordinal);
        var list = await viewer.GetDocumentAsync("/reports");
        Assert.NotNull(list.QuerySelector($"[data-testid=report-{id}] a[href='/reports/{id}/versions/1']"));
        var versions = await viewer.GetDocumentAsync($"/reports/{id}/versions");
        Assert.NotNull(versions.QuerySelector($"[data-testid=read-version-1][href='/reports/{id}/versions/1']"));
    }

    [Fact]
    public async Task GetVersion_PublishedWithoutABrowserCopy_SaysSoAndOffersThePdf_AndAMissingVersionIs404()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await clerk.CreateReportAsync(ReportKind.CsipReviewPack, new DateOnly(2021, 6, 9), Ct);
        await factory.WithDbAsync(db =>
        {
            db.PublishedReports.Add(new PublishedReport(id, 1, "Older version", "csip-review-pack-2021-06-09.pdf", "%PDF-1.7"u8.ToArray(),
                new string('0', 64), new DateTime(2021, 6, 9, 16, 0, 0, DateTimeKind.Utc), null, "A clerk", snapshotJson: null));
            return db.SaveChangesAsync();
        });

        var page = await clerk.GetDocumentAsync($"/reports/{id}/versions/1");
        using var missing = await clerk.GetAsync(new Uri($"/reports/{id}/versions/2", UriKind.Relative), Ct);

        Assert.NotNull(page.QuerySelector("[data-testid=no-published-body]"));
        Assert.Null(page.QuerySelector("[data-testid=published-body]"));
        Assert.Contains("9 June 2021 at 17:00", page.QuerySelector("[data-testid=version-notice]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Publish_FromThePreview_AsksFirstThenPublishesTheVersionItNamed()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await clerk.CreateReportAsync(ReportKind.CsipReviewPack, new DateOnly(2021, 6, 16), Ct);
        var preview = await clerk.GetDocumentAsync($"/reports/{id}");
        var publishLink = preview.QuerySelector("a[data-testid=publish]")!.GetAttribute("href")!;

        var confirm = await clerk.GetDocumentAsync(publishLink);
        Assert.Equal(0, await factory.WithDbAsync(db => db.PublishedReports.CountAsync(p => p.ReportId == id, Ct)));
        Assert.StartsWith("Publish version 1 of", confirm.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("cannot be changed or withdrawn", confirm.QuerySelector(".govuk-warning-text")!.TextContent, StringComparison.Ordinal);
        using var published = await clerk.PostFormAsync($"/reports/{id}/publish",
            FormPosting.FieldsOf(confirm, $"/reports/{id}/publish").With("confirmUnfinished", "true"));

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.PublishedReports.CountAsync(p => p.ReportId == id && p.VersionNumber == 1, Ct)));
    }

    [Fact]
    public async Task PostSection_StaleVersion_ShowsBothTextsAndSavesNothing()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await clerk.CreateReportAsync(ReportKind.BoardProgressReport, new DateOnly(2021, 3, 9), Ct);
        var path = $"/reports/{id}/sections/{ReportTemplates.BoardSummary}/edit";
        var form = await clerk.GetDocumentAsync(path);
        var staleVersion = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        await EditSectionAsync(clerk, id, ReportTemplates.BoardSummary, "First clerk’s summary.");

        var token = await clerk.AntiforgeryTokenAsync(path);
        using var response = await clerk.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Body"] = "Second clerk’s summary.",
            ["Version"] = staleVersion,
            ["__RequestVerificationToken"] = token,
        }), Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await Users.ParseAsync(response);
        Assert.Contains("First clerk’s summary.", page.QuerySelector("[data-testid=saved-text]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Second clerk’s summary.", page.QuerySelector("textarea")!.TextContent, StringComparison.Ordinal);
        var saved = await factory.WithDbAsync(db => db.ReportSections.SingleAsync(s => s.ReportId == id && s.Key == ReportTemplates.BoardSummary));
        Assert.Equal("First clerk’s summary.", saved.Body);
    }

    [Fact]
    public async Task PostNew_Scrutiny_PrefillsSectionsFromThePreviousScrutinyReport()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);

        var id = await clerk.CreateReportAsync(ReportKind.ScrutinyReport, new DateOnly(2021, 7, 14), Ct);

        var sections = await factory.WithDbAsync(db => db.ReportSections.Where(s => s.ReportId == id).ToListAsync());
        Assert.Equal(ReportTemplates.SectionsFor(ReportKind.ScrutinyReport).Count, sections.Count);
        Assert.Contains("Andrea Stone", sections.Single(s => s.Key == ReportSectionKeys.ContactOfficer).Body, StringComparison.Ordinal);
        var report = await factory.WithDbAsync(db => db.Reports.SingleAsync(r => r.Id == id));
        Assert.Equal(new DateOnly(2021, 3, 18), report.PeriodStart);
        Assert.Equal("Report of the Director of Children’s Services", report.Author);
    }

    private static async Task EditSectionAsync(HttpClient client, int reportId, string key, string body)
    {
        var path = $"/reports/{reportId}/sections/{key}/edit";
        var form = await client.GetDocumentAsync(path);
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var token = await client.AntiforgeryTokenAsync(path);
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Body"] = body,
            ["Version"] = version,
            ["__RequestVerificationToken"] = token,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
