using System.Net;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Actions;
using ImprovementPlan.Web.Tests.Infrastructure;

namespace ImprovementPlan.Web.Tests.Features.Meetings;

/// <summary>The agenda the data proposes for a meeting, as at the meeting's own date.</summary>
public sealed class MeetingAgendaTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Get_CsipReview_ProposesOverdueActionOnceWithEveryReason()
    {
        var reference = await factory.CreateActionAsync(new DateOnly(2021, 3, 5));
        await factory.AddActionUpdateAsync(reference, UpdateState.Submitted, new DateOnly(2021, 3, 1), "Waiting for the director.");
        var meetingId = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 3, 16));
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);

        var page = await director.GetDocumentAsync($"/meetings/{MeetingTestData.Id(meetingId)}");

        var items = page.QuerySelectorAll("[data-testid=proposed-item]")
            .Where(li => li.QuerySelector("a")!.GetAttribute("href") == $"/actions/{reference}").ToList();
        var item = Assert.Single(items);
        var reasons = item.QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains("Overdue: due by 5 March 2021", reasons);
        Assert.Contains(reasons, r => r.EndsWith("waiting for a decision", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_ReviewBeforeDueDate_DoesNotCallTheActionOverdue_ButTheReviewAfterDoes()
    {
        var reference = await factory.CreateActionAsync(new DateOnly(2021, 3, 20));
        var before = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 3, 18));
        var after = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 3, 30));
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);

        var reasonsBefore = ReasonsFor(await director.GetDocumentAsync($"/meetings/{MeetingTestData.Id(before)}"), reference);
        var reasonsAfter = ReasonsFor(await director.GetDocumentAsync($"/meetings/{MeetingTestData.Id(after)}"), reference);

        Assert.DoesNotContain(reasonsBefore, r => r.StartsWith("Overdue", StringComparison.Ordinal));
        Assert.Contains("Overdue: due by 20 March 2021", reasonsAfter);
    }

    [Fact]
    public async Task Post_Accept_PutsProposedItemsOnTheAgendaOnce()
    {
        var reference = await factory.CreateActionAsync(new DateOnly(2021, 2, 26));
        var meetingId = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 3, 9));
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);

        using var first = await director.PostFormAsync($"/meetings/{MeetingTestData.Id(meetingId)}/agenda/accept");
        using var second = await director.PostFormAsync($"/meetings/{MeetingTestData.Id(meetingId)}/agenda/accept");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var page = await director.GetDocumentAsync($"/meetings/{MeetingTestData.Id(meetingId)}");
        Assert.Single(page.QuerySelectorAll("[data-testid=agenda-item] h3 a"), a => a.GetAttribute("href") == $"/actions/{reference}");
        Assert.Empty(page.QuerySelectorAll("[data-testid=proposed-item]"));
    }

    [Fact]
    public async Task Post_AcceptAsHeadOfService_IsForbidden()
    {
        var meetingId = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 3, 23));
        using var head = await factory.SignedInClientAsync(Roles.HeadOfService);

        using var response = await head.PostFormAsync($"/meetings/{MeetingTestData.Id(meetingId)}/agenda/accept");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static List<string> ReasonsFor(AngleSharp.Html.Dom.IHtmlDocument page, string reference) =>
        page.QuerySelectorAll("[data-testid=proposed-item]")
            .Single(li => li.QuerySelector("a")!.GetAttribute("href") == $"/actions/{reference}")
            .QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToList();
}
