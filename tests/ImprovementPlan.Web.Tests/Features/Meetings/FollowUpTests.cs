using System.Net;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Tests.Features.Measures;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Meetings;

/// <summary>Recording a decision and a follow-up, and the follow-up carried onto later agendas until the chair confirms it closed.</summary>
public sealed class FollowUpTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task FollowUp_CarriedToLaterReviews_UntilConfirmedClosed()
    {
        var head = await factory.CreateAsync(Roles.HeadOfService);
        var first = await factory.CreateMeetingAsync(MeetingKind.ImprovementBoard, new DateOnly(2021, 2, 23));
        var next = await factory.CreateMeetingAsync(MeetingKind.ImprovementBoard, new DateOnly(2021, 4, 6));
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        using var added = await director.PostFormAsync($"/meetings/{MeetingTestData.Id(first)}/agenda/add", ("newItemTitle", "Audit of supervision"));
        var itemId = await factory.ItemOfAsync(first, "Audit of supervision");
        using var recorded = await director.PostFormAsync($"/meetings/{MeetingTestData.Id(first)}/items/{MeetingTestData.Id(itemId)}/record",
            ("Version", "1"), ("Note", "Discussed"), ("Decision", "Audit to be repeated"), ("FollowUpWhat", "Send the audit dates"),
            ("FollowUpOwner", head.Id), ("FollowUpDue.Day", "15"), ("FollowUpDue.Month", "3"), ("FollowUpDue.Year", "2021"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var followUpId = await factory.FollowUpOfAsync(first);

        var open = CarriedReasons(await director.GetDocumentAsync($"/meetings/{MeetingTestData.Id(next)}"));
        using var owner = await factory.ClientForAsync(head);
        var dashboard = await owner.GetDocumentAsync("/");
        using var closed = await owner.PostFormAsync($"/follow-ups/{MeetingTestData.Id(followUpId)}/close", ("version", "1"), ("note", "Dates sent to the board"));
        var afterClose = CarriedReasons(await director.GetDocumentAsync($"/meetings/{MeetingTestData.Id(next)}"));
        using var confirmed = await director.PostFormAsync($"/follow-ups/{MeetingTestData.Id(followUpId)}/confirm", ("meetingId", MeetingTestData.Id(next)));
        var afterConfirm = await director.GetDocumentAsync($"/meetings/{MeetingTestData.Id(next)}");

        Assert.Contains("Open and overdue", open);
        Assert.Contains(dashboard.QuerySelectorAll("[data-testid=items-my-follow-ups] a"), a => a.TextContent == "Send the audit dates");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("Closed by its owner: Dates sent to the board", afterClose);
        Assert.DoesNotContain(afterConfirm.QuerySelectorAll("[data-testid=proposed-item] a"), a => a.GetAttribute("href") == $"/meetings/{MeetingTestData.Id(first)}");
    }

    [Fact]
    public async Task Post_CloseSomeoneElsesFollowUp_IsForbidden()
    {
        var ownerUser = await factory.CreateAsync(Roles.HeadOfService);
        var meetingId = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 2, 16));
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        using var added = await director.PostFormAsync($"/meetings/{MeetingTestData.Id(meetingId)}/agenda/add", ("newItemTitle", "Workforce"));
        var itemId = await factory.ItemOfAsync(meetingId, "Workforce");
        using var recorded = await director.PostFormAsync($"/meetings/{MeetingTestData.Id(meetingId)}/items/{MeetingTestData.Id(itemId)}/record",
            ("Version", "1"), ("FollowUpWhat", "Agency staff figures"), ("FollowUpOwner", ownerUser.Id),
            ("FollowUpDue.Day", "1"), ("FollowUpDue.Month", "4"), ("FollowUpDue.Year", "2021"));
        var followUpId = await factory.FollowUpOfAsync(meetingId);
        using var other = await factory.SignedInClientAsync(Roles.HeadOfService);

        using var response = await other.PostFormAsync($"/follow-ups/{MeetingTestData.Id(followUpId)}/close", ("version", "1"), ("note", "Not mine"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Post_RecordFollowUpWithoutWhoOrWhen_ShowsBothErrorsAndKeepsTheText()
    {
        var meetingId = await factory.CreateMeetingAsync(MeetingKind.CsipReview, new DateOnly(2021, 2, 9));
        using var director = await factory.SignedInClientAsync(Roles.ServiceDirector);
        using var added = await director.PostFormAsync($"/meetings/{MeetingTestData.Id(meetingId)}/agenda/add", ("newItemTitle", "Caseloads"));
        var itemId = await factory.ItemOfAsync(meetingId, "Caseloads");

        using var response = await director.PostFormAsync($"/meetings/{MeetingTestData.Id(meetingId)}/items/{MeetingTestData.Id(itemId)}/record",
            ("Version", "1"), ("Decision", "Keep under review"), ("FollowUpWhat", "Caseload report"));
        var page = await Users.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Select a person", "Enter the date it is due by"], FormPosting.Errors(page));
        Assert.Equal("Keep under review", page.QuerySelector("textarea[name=Decision]")!.TextContent);
        Assert.Equal("Caseload report", page.QuerySelector("textarea[name=FollowUpWhat]")!.TextContent);
    }

    [Fact]
    public async Task Post_ScheduleWithNothingChosen_SaysWhatIsMissing()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);

        using var response = await clerk.PostFormAsync("/meetings/new", ("Kind", ""), ("Repeat", ""));
        var page = await Users.ParseAsync(response);

        Assert.Equal(["Select the kind of meeting", "Select how often the meeting happens"], FormPosting.Errors(page));
    }

    [Fact]
    public async Task Post_ScheduleEveryTwoWeeks_CreatesEachMeetingWithItsDeadline()
    {
        using var clerk = await factory.SignedInClientAsync(Roles.CommitteeClerk);

        using var response = await clerk.PostFormAsync("/meetings/new", ("Kind", "Other"), ("Title", "Schedule test"), ("Repeat", "Weeks"),
            ("FirstDate.Day", "4"), ("FirstDate.Month", "5"), ("FirstDate.Year", "2021"), ("EveryWeeks", "2"),
            ("Until.Day", "1"), ("Until.Month", "6"), ("Until.Year", "2021"), ("StartTime", "14:00"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var meetings = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Title == "Schedule test").OrderBy(m => m.Date)
            .Select(m => new { m.Date, m.UpdateDeadline }).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal([new DateOnly(2021, 5, 4), new DateOnly(2021, 5, 18), new DateOnly(2021, 6, 1)], meetings.Select(m => m.Date));
        Assert.Equal(new DateOnly(2021, 4, 27), meetings[0].UpdateDeadline);
    }

    private static List<string> CarriedReasons(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=proposed-item]")
            .Where(li => li.QuerySelector("a")!.TextContent.Trim().StartsWith("Send the audit dates", StringComparison.Ordinal))
            .SelectMany(li => li.QuerySelectorAll("li").Select(r => r.TextContent.Trim()))];
}
