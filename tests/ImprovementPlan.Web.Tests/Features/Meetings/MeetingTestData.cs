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

    public static Task<int> ItemOfAsync(this AppFactory factory, int meetingId, string title) =>
        factory.WithDbAsync(db => db.AgendaItems.Where(i => i.MeetingId == meetingId && i.Title == title).Select(i => i.Id).SingleAsync(Ct));

    public static Task<int> FollowUpOfAsync(this AppFactory factory, int meetingId) =>
        factory.WithDbAsync(db => db.FollowUps.Where(f => f.MeetingId == meetingId).Select(f => f.Id).SingleAsync(Ct));

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
