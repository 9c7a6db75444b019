using System.Net;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Domain.Reports;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Actions;
using ImprovementPlan.Web.Tests.Features.Meetings;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>
/// Reports belong to meetings: the CSIP review pack prints the last review's decisions and the follow-ups
/// open on its date, the board report the decisions since the last board, each as the report's date saw it.
/// Each test keeps to its own months, as the class shares one database.
/// </summary>
public sealed class MeetingDecisionsInReportsTests(AsAtReportTests.LaterFactory factory) : IClassFixture<AsAtReportTests.LaterFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReviewPack_PrintsTheLastReviewsDecisionsAndTheFollowUpsOpenOnItsDate()
    {
        var head = await factory.CreateAsync(Roles.HeadOfService);
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var reference = await factory.CreateActionAsync(new DateOnly(2021, 6, 30));
        var actionId = await factory.ActionIdAsync(reference);
        var earlier = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 2, 2));
        var last = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 2, 16));
        var packMeeting = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 3, 2));
        var later = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 3, 16));
        await director.RecordAsync(earlier, await factory.AddItemAboutAsync(earlier, AgendaSubject.Action, actionId, $"{reference}: earlier item"),
            "Decided at the review before the last");
        await director.RecordAsync(last, await factory.AddItemAboutAsync(last, AgendaSubject.Action, actionId, $"{reference}: pack test action"),
            "Weekly reports on the audit until it is done", ("Send the audit findings to the board", head.Id, new DateOnly(2021, 2, 26)));
        await director.RecordAsync(packMeeting, await factory.AddItemAboutAsync(packMeeting, AgendaSubject.Action, actionId, $"{reference}: at the pack's meeting"),
            "Decided at the meeting the pack is for");
        await director.RecordAsync(later, await factory.AddItemAboutAsync(later, AgendaSubject.Action, actionId, $"{reference}: later item"),
            "Decided after the pack's date");
        // The owner closes the follow-up now, in 2026: on the pack's date, 2 March 2021, it was still open.
        var followUpId = await factory.FollowUpOfAsync(last);
        using (var owner = await factory.ClientForAsync(head))
        using (var closed = await owner.PostFormAsync($"/follow-ups/{MeetingTestData.Id(followUpId)}/close", ("version", "1"), ("note", "Sent in 2026")))
        {
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        }

        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var packId = await clerk.CreateReportAsync(ReportKind.CsipReviewPack, new DateOnly(2021, 3, 2), Ct);

        var preview = await clerk.GetDocumentAsync($"/reports/{packId}");
        var decisions = preview.QuerySelector("[data-testid=last-review-decisions]")!.TextContent;
        var followUps = preview.QuerySelector("[data-testid=open-follow-ups]")!;
        var row = Assert.Single(followUps.QuerySelectorAll("[data-testid=follow-up]"),
            r => r.TextContent.Contains("Send the audit findings to the board", StringComparison.Ordinal));
        var pdfText = ReportTestSupport.Text(await clerk.GetPdfAsync($"/reports/{packId}/draft/pdf", Ct));
        using var published = await clerk.PublishAsync(packId, 0, Ct);
        var version = await clerk.GetDocumentAsync($"/reports/{packId}/versions/1");
        var publishedBody = version.QuerySelector("[data-testid=published-body]")!.TextContent;
        var facts = await factory.WithDbAsync(db => db.PublishedReports.Where(p => p.ReportId == packId).Select(p => p.SnapshotJson).SingleAsync(Ct));

        Assert.Contains("Decisions recorded at the CSIP review of 16 February 2021", decisions, StringComparison.Ordinal);
        Assert.Contains($"{reference}: pack test action", decisions, StringComparison.Ordinal);
        Assert.Contains("Weekly reports on the audit until it is done", decisions, StringComparison.Ordinal);
        Assert.DoesNotContain("Decided at the review before the last", decisions, StringComparison.Ordinal);
        Assert.DoesNotContain("Decided at the meeting the pack is for", preview.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Decided after the pack's date", preview.Body!.TextContent, StringComparison.Ordinal);
        var cells = row.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Send the audit findings to the board", head.DisplayName, "26 February 2021", "CSIP review, 16 February 2021", "Open and overdue"], cells);
        Assert.NotNull(row.QuerySelector("strong"));

        Assert.Contains("Weekly reports on the audit until it is done", pdfText, StringComparison.Ordinal);
        // A table cell's text may wrap, and the PDF's text runs line by line across the row's cells.
        Assert.True(WordsInOrder(pdfText, "Send the audit findings to the board"), pdfText);
        Assert.True(WordsInOrder(pdfText, "Open and overdue"), pdfText);
        Assert.DoesNotContain("Decided after the pack's date", pdfText, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Weekly reports on the audit until it is done", publishedBody, StringComparison.Ordinal);
        Assert.Contains("Send the audit findings to the board", publishedBody, StringComparison.Ordinal);
        Assert.Contains("Weekly reports on the audit until it is done", facts, StringComparison.Ordinal);
        Assert.Contains("Open and overdue", facts, StringComparison.Ordinal);
    }

    /// <summary>The phrase's words appear in order in the text, the whole phrase within a table row's worth of words (the words of one cell).</summary>
    private static bool WordsInOrder(string text, string phrase)
    {
        var words = text.Split(' ');
        var wanted = phrase.Split(' ');
        for (var start = 0; start < words.Length; start++)
        {
            if (words[start] != wanted[0])
            {
                continue;
            }

            var found = 1;
            for (var i = start + 1; i < Math.Min(words.Length, start + 60) && found < wanted.Length; i++)
            {
                if (words[i] == wanted[found])
                {
                    found++;
                }
            }

            if (found == wanted.Length)
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public async Task BoardReport_ListsTheDecisionsOfEveryMeetingSinceTheLastBoard()
    {
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        var reference = await factory.CreateActionAsync(new DateOnly(2021, 9, 30));
        var actionId = await factory.ActionIdAsync(reference);
        var board = await factory.CreateMeetingAsync(MeetingKind.ImprovementBoard, new DateOnly(2021, 5, 4));
        var review = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 5, 11));
        var scrutiny = await factory.CreateMeetingAsync(MeetingKind.ScrutinyCommittee, new DateOnly(2021, 5, 18));
        var after = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 6, 1));
        await director.RecordAsync(board, await factory.AddItemAboutAsync(board, AgendaSubject.Action, actionId, $"{reference}: at the last board"),
            "Decided at the last board itself");
        await director.RecordAsync(review, await factory.AddItemAboutAsync(review, AgendaSubject.Action, actionId, $"{reference}: board test action"),
            "Extra social workers for the team from June");
        await director.RecordAsync(scrutiny, await factory.AddItemAboutAsync(scrutiny, AgendaSubject.Action, actionId, $"{reference}: at scrutiny"),
            "Members to visit the front door service");
        await director.RecordAsync(after, await factory.AddItemAboutAsync(after, AgendaSubject.Action, actionId, $"{reference}: after the report"),
            "Decided after the board report's date");
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var reportId = await clerk.CreateReportAsync(ReportKind.BoardProgressReport, new DateOnly(2021, 5, 25), Ct);

        var preview = await clerk.GetDocumentAsync($"/reports/{reportId}");
        var section = preview.QuerySelector("[data-testid=decisions-since-last-board]")!;
        var rows = section.QuerySelectorAll("[data-testid=decision]").Select(r => r.TextContent).ToList();
        var pdfText = ReportTestSupport.Text(await clerk.GetPdfAsync($"/reports/{reportId}/draft/pdf", Ct));

        Assert.Equal("Decisions since the Improvement Board of 4 May 2021", section.QuerySelector("h2")!.TextContent.Trim());
        Assert.Equal(2, rows.Count);
        Assert.Contains("CSIP review, 11 May 2021", rows[0], StringComparison.Ordinal);
        Assert.Contains("Extra social workers for the team from June", rows[0], StringComparison.Ordinal);
        Assert.Contains("Scrutiny Committee, 18 May 2021", rows[1], StringComparison.Ordinal);
        Assert.Contains("Members to visit the front door service", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Decided at the last board itself", section.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Decided after the board report's date", preview.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Decisions since the Improvement Board of 4 May 2021", pdfText, StringComparison.Ordinal);
        Assert.Contains("Extra social workers for the team from June", pdfText, StringComparison.Ordinal);
        Assert.Contains("Members to visit the front door service", pdfText, StringComparison.Ordinal);
        Assert.DoesNotContain("Decided after the board report's date", pdfText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsBeforeAnyDecision_SayTheyHaveNoneInWords()
    {
        // Before 2021 the class's database has no meeting but the seeded March 2021 committee.
        await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2020, 11, 3));
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);
        var beforeAnyReview = await clerk.CreateReportAsync(ReportKind.CsipReviewPack, new DateOnly(2020, 11, 2), Ct);
        var afterAnEmptyReview = await clerk.CreateReportAsync(ReportKind.CsipReviewPack, new DateOnly(2020, 11, 17), Ct);
        var board = await clerk.CreateReportAsync(ReportKind.BoardProgressReport, new DateOnly(2020, 11, 24), Ct);

        var first = await clerk.GetDocumentAsync($"/reports/{beforeAnyReview}");
        var second = await clerk.GetDocumentAsync($"/reports/{afterAnEmptyReview}");
        var boardPage = await clerk.GetDocumentAsync($"/reports/{board}");

        Assert.Contains("No CSIP review has been held before this date.", first.QuerySelector("[data-testid=last-review-decisions]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No decisions were recorded at the CSIP review of 3 November 2020.",
            second.QuerySelector("[data-testid=last-review-decisions]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No follow-up from an earlier meeting was open on 17 November 2020.",
            second.QuerySelector("[data-testid=open-follow-ups]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No meeting since the plan began has recorded a decision.",
            boardPage.QuerySelector("[data-testid=decisions-since-last-board]")!.TextContent, StringComparison.Ordinal);
    }
}
