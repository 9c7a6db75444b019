using System.Net;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>A clerk's mistakes in a draft can be put right: its details corrected, or the draft deleted; a published report stays.</summary>
public sealed class DraftReportTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostNew_ReportDateBeforeThePlanBegan_IsRefusedWithAMessage()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var before = await factory.WithDbAsync(db => db.Reports.CountAsync(Ct));

        using var response = await clerk.PostFormAsync("/reports/new", ("Kind", "BoardProgressReport"), ("ReportDate.Day", "31"),
            ("ReportDate.Month", "12"), ("ReportDate.Year", "2019"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["The report date must be on or after 1 March 2020, when the plan began"],
            FormPosting.Errors(await Users.ParseAsync(response)));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Reports.CountAsync(Ct)));
    }

    [Fact]
    public async Task PostDetails_OnADraft_CorrectsItsTitleDateCommitteeAndAgendaItem()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await clerk.CreateReportAsync(ReportKind.ScrutinyReport, new DateOnly(2021, 7, 14), Ct);
        var fields = FormPosting.FieldsOf(await clerk.GetDocumentAsync($"/reports/{id}/details"), $"/reports/{id}/details")
            .With("Form.Title", "Improvement plan: July update").With("Form.ReportDate.Day", "21")
            .With("Form.Committee", "Children and Young People Scrutiny Committee").With("Form.AgendaItem", "7");

        using var response = await clerk.PostFormAsync($"/reports/{id}/details", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Reports.SingleAsync(r => r.Id == id, Ct));
        Assert.Equal("Improvement plan: July update", saved.Title);
        Assert.Equal(new DateOnly(2021, 7, 21), saved.ReportDate);
        Assert.Equal("Children and Young People Scrutiny Committee", saved.Committee);
        Assert.Equal("7", saved.AgendaItem);
        var preview = await clerk.GetDocumentAsync($"/reports/{id}");
        Assert.Contains("Children and Young People Scrutiny Committee", preview.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostDetails_DateBeforeThePlanBegan_ShowsTheErrorByTheField()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await clerk.CreateReportAsync(ReportKind.CsipReviewPack, new DateOnly(2021, 7, 15), Ct);
        var fields = FormPosting.FieldsOf(await clerk.GetDocumentAsync($"/reports/{id}/details"), $"/reports/{id}/details")
            .With("Form.ReportDate.Year", "2017");

        using var response = await clerk.PostFormAsync($"/reports/{id}/details", fields);

        var page = await Users.ParseAsync(response);
        Assert.Equal(["The report date must be on or after 1 March 2020, when the plan began"], FormPosting.Errors(page));
        Assert.NotNull(page.QuerySelector("#Form_ReportDate-error"));
        Assert.Equal(new DateOnly(2021, 7, 15), await factory.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.ReportDate).SingleAsync(Ct)));
    }

    [Fact]
    public async Task PostDelete_ADraft_DeletesItAndItsSections()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await clerk.CreateReportAsync(ReportKind.BoardProgressReport, new DateOnly(2021, 7, 16), Ct);
        var fields = FormPosting.FieldsOf(await clerk.GetDocumentAsync($"/reports/{id}/delete"), $"/reports/{id}/delete");

        using var response = await clerk.PostFormAsync($"/reports/{id}/delete", fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Reports.AnyAsync(r => r.Id == id, Ct)));
        Assert.False(await factory.WithDbAsync(db => db.ReportSections.AnyAsync(s => s.ReportId == id, Ct)));
    }

    [Fact]
    public async Task PostDelete_APublishedReport_KeepsIt()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await clerk.CreateReportAsync(ReportKind.CsipReviewPack, new DateOnly(2021, 7, 17), Ct);
        var version = await factory.WithDbAsync(db => db.Reports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(Ct));
        await factory.WithDbAsync(db =>
        {
            db.PublishedReports.Add(new PublishedReport(id, 1, "Published", "csip-review-pack-2021-07-17.pdf", "%PDF-1.7"u8.ToArray(),
                new string('0', 64), AppFactory.Now.UtcDateTime, null, "A clerk", "[]"));
            return db.SaveChangesAsync(Ct);
        });

        var page = await clerk.GetDocumentAsync($"/reports/{id}/delete");
        using var response = await clerk.PostFormAsync($"/reports/{id}/delete", ("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.NotNull(page.QuerySelector("[data-testid=cannot-delete]"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Reports.AnyAsync(r => r.Id == id, Ct)));
    }

    [Fact]
    public async Task Publish_WithUnfinishedSections_ListsThemAndNeedsConfirmation()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var id = await clerk.CreateReportAsync(ReportKind.BoardProgressReport, new DateOnly(2021, 7, 18), Ct);

        var confirm = await clerk.GetDocumentAsync($"/reports/{id}/publish");
        using var unconfirmed = await clerk.PostFormAsync($"/reports/{id}/publish", FormPosting.FieldsOf(confirm, $"/reports/{id}/publish"));

        Assert.Contains("Summary for the Board is empty", confirm.QuerySelector("[data-testid=unfinished]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Contains("Confirm you have checked what looks unfinished",
            (await Users.ParseAsync(unconfirmed)).QuerySelector("#confirmUnfinished-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.PublishedReports.AnyAsync(p => p.ReportId == id, Ct)));
    }
}
