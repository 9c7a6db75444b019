using System.Globalization;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Tests.Features.Meetings;

/// <summary>Builds meetings and actions in the seeded plan, so tests do not lean on which seeded action is overdue.</summary>
public static class MeetingTestData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<int> CreateMeetingAsync(this AppFactory factory, MeetingKind kind, DateOnly date, string? chairUserId = null) =>
        factory.WithDbAsync(async db =>
        {
            var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            var meeting = new Meeting(planId, kind, "Test " + kind, date, WorkingDays.WeekendsOnly);
            meeting.Describe(meeting.Title, new TimeOnly(10, 0), "Room 1", chairUserId);
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync(Ct);
            return meeting.Id;
        });

    /// <summary>A new action in the seeded plan's first workstream, due on <paramref name="dueDate"/>; returns its reference.</summary>
    public static Task<string> CreateActionAsync(this AppFactory factory, DateOnly dueDate) =>
        factory.WithDbAsync(async db =>
        {
            var plan = await db.Plans.OrderBy(p => p.Id).FirstAsync(Ct);
            var workstream = await db.Workstreams.Where(w => w.PlanId == plan.Id).OrderBy(w => w.Id).FirstAsync(Ct);
            var sequence = await db.Actions.Where(a => a.PlanId == plan.Id).MaxAsync(a => a.Sequence, Ct) + 1;
            var reference = "MT" + sequence.ToString(CultureInfo.InvariantCulture);
            db.Actions.Add(new ImprovementAction(plan.Id, workstream.Id, reference, sequence,
                new ActionColumns($"Meeting test action {reference}", null, null, dueDate, null, null, null, null, null, null)));
            await db.SaveChangesAsync(Ct);
            return reference;
        });

    /// <summary>Puts an item about an action, priority or measure on a meeting's agenda, as accepting the proposed agenda would.</summary>
    public static Task<int> AddItemAboutAsync(this AppFactory factory, int meetingId, AgendaSubject subject, int subjectId, string title) =>
        factory.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, Ct);
            var order = await db.AgendaItems.Where(i => i.MeetingId == meetingId).MaxAsync(i => (int?)i.Order, Ct) ?? 0;
            var item = new AgendaItem(meeting.PlanId, meetingId, order + 1, AgendaItemKind.ProposedFromData, subject, subjectId, title, ["Test item"]);
            db.AgendaItems.Add(item);
            await db.SaveChangesAsync(Ct);
            return item.Id;
        });

    /// <summary>Records a decision (and, given its owner, a follow-up) against an agenda item through the meeting's record page.</summary>
    public static async Task RecordAsync(this HttpClient chair, int meetingId, int itemId, string decision,
        (string What, string OwnerUserId, DateOnly Due)? followUp = null)
    {
        var fields = new List<(string, string)> { ("Version", "1"), ("Decision", decision) };
        if (followUp is { } f)
        {
            fields.AddRange([("FollowUpWhat", f.What), ("FollowUpOwner", f.OwnerUserId), ("FollowUpDue.Day", Id(f.Due.Day)),
                ("FollowUpDue.Month", Id(f.Due.Month)), ("FollowUpDue.Year", Id(f.Due.Year))]);
        }

        using var response = await chair.PostFormAsync($"/meetings/{Id(meetingId)}/items/{Id(itemId)}/record", [.. fields]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The id of the seeded plan's action with this reference.</summary>
    public static Task<int> ActionIdAsync(this AppFactory factory, string reference) =>
        factory.WithDbAsync(async db =>
        {
            var planId = await db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(Ct);
            return await db.Actions.Where(a => a.PlanId == planId && a.Reference == reference).Select(a => a.Id).SingleAsync(Ct);
        });

    public static Task<int> ItemOfAsync(this AppFactory factory, int meetingId, string title) =>
        factory.WithDbAsync(db => db.AgendaItems.Where(i => i.MeetingId == meetingId && i.Title == title).Select(i => i.Id).SingleAsync(Ct));

    public static Task<int> FollowUpOfAsync(this AppFactory factory, int meetingId) =>
        factory.WithDbAsync(db => db.FollowUps.Where(f => f.MeetingId == meetingId).Select(f => f.Id).SingleAsync(Ct));

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
