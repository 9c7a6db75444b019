using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Actions;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Meetings;

/// <summary>A decision recorded at a meeting appears, dated and linked to the meeting, in the timeline of what it concerns.</summary>
public sealed class DecisionTimelineTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ActionPage_DecisionRecordedAtAReview_SitsInTheTimelineBetweenTheUpdatesByDate()
    {
        var reference = await factory.CreateActionAsync(new DateOnly(2021, 6, 30));
        var actionId = await factory.ActionIdAsync(reference);
        await factory.AddActionUpdateAsync(reference, UpdateState.Approved, new DateOnly(2021, 2, 2), "Update before the review");
        await factory.AddActionUpdateAsync(reference, UpdateState.Approved, new DateOnly(2021, 2, 20), "Update after the review");
        var review = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 2, 16));
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        await director.RecordAsync(review, await factory.AddItemAboutAsync(review, AgendaSubject.Action, actionId, $"{reference}: timeline test"),
            "Keep the action at Amber until the audit reports");

        using var viewer = await factory.SignedInClientAsync(Roles.Viewer);
        var page = await viewer.GetDocumentAsync($"/actions/{reference}");

        var entries = page.QuerySelectorAll("[data-testid=timeline] > li").ToList();
        Assert.Equal(3, entries.Count);
        Assert.Contains("Update after the review", entries[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("timeline-decision", entries[1].GetAttribute("data-testid"));
        var link = entries[1].QuerySelector("a")!;
        Assert.Equal("Decision at CSIP review, 16 February 2021", link.TextContent.Trim());
        Assert.Equal($"/meetings/{MeetingTestData.Id(review)}", link.GetAttribute("href"));
        Assert.Equal("Keep the action at Amber until the audit reports", entries[1].QuerySelector("[data-testid=timeline-decision-text]")!.TextContent);
        Assert.Contains("Update before the review", entries[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PriorityAndMeasurePages_ShowTheirDecisionsDated_AndNotThoseOfACancelledMeeting()
    {
        var (priorityId, priorityNumber, measureId) = await factory.WithDbAsync(async db =>
        {
            var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            var priority = await db.Priorities.Where(p => p.PlanId == planId).OrderByDescending(p => p.Number).Select(p => new { p.Id, p.Number }).FirstAsync(Ct);
            var measure = await db.Measures.Where(m => m.PlanId == planId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(Ct);
            return (priority.Id, priority.Number, measure);
        });
        var board = await factory.CreateMeetingAsync(MeetingKind.ImprovementBoard, new DateOnly(2021, 1, 26));
        var cancelled = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 1, 19));
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        await director.RecordAsync(board, await factory.AddItemAboutAsync(board, AgendaSubject.Priority, priorityId, "Priority timeline test"),
            "The board asks for a deep dive on this priority");
        await director.RecordAsync(board, await factory.AddItemAboutAsync(board, AgendaSubject.Measure, measureId, "Measure timeline test"),
            "Report this measure monthly to the board");
        await director.RecordAsync(cancelled, await factory.AddItemAboutAsync(cancelled, AgendaSubject.Measure, measureId, "Cancelled meeting item"),
            "Recorded before the meeting was cancelled");
        var version = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == cancelled).Select(m => m.Version).SingleAsync(Ct));
        using (var cancel = await director.PostFormAsync($"/meetings/{MeetingTestData.Id(cancelled)}/cancel", ("version", MeetingTestData.Id(version))))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, cancel.StatusCode);
        }

        using var viewer = await factory.SignedInClientAsync(Roles.Viewer);
        var priorityPage = await viewer.GetDocumentAsync($"/priorities/{MeetingTestData.Id(priorityNumber)}");
        var measurePage = await viewer.GetDocumentAsync($"/measures/{MeetingTestData.Id(measureId)}");

        var priorityDecision = Assert.Single(priorityPage.QuerySelectorAll("[data-testid=timeline] [data-testid=timeline-decision]"));
        Assert.Equal("Decision at Improvement Board, 26 January 2021", priorityDecision.QuerySelector("a")!.TextContent.Trim());
        Assert.Contains("The board asks for a deep dive on this priority", priorityDecision.TextContent, StringComparison.Ordinal);
        var measureDecision = Assert.Single(measurePage.QuerySelectorAll("[data-testid=history] [data-testid=history-decision]"));
        Assert.Equal("Decision at Improvement Board, 26 January 2021", measureDecision.QuerySelector("a")!.TextContent.Trim());
        Assert.Equal($"/meetings/{MeetingTestData.Id(board)}", measureDecision.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Report this measure monthly to the board", measureDecision.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Recorded before the meeting was cancelled", measurePage.Body!.TextContent, StringComparison.Ordinal);
    }
}
