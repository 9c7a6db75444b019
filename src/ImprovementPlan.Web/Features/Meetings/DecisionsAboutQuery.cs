using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>
/// The decisions the plan's meetings recorded about one action, priority or measure, newest first, for that
/// record's timeline. Cancelled meetings have no minutes, so none of theirs are read.
/// </summary>
public sealed class DecisionsAboutQuery(ImprovementPlanDbContext db)
{
    public async Task<IReadOnlyList<TimelineDecision>> RunAsync(int planId, AgendaSubject subject, int subjectId, CancellationToken ct = default)
    {
        var rows = await (from i in db.AgendaItems.AsNoTracking()
                          join m in db.Meetings.AsNoTracking() on i.MeetingId equals m.Id
                          where i.PlanId == planId && m.PlanId == planId && i.Subject == subject && i.SubjectId == subjectId
                                && i.Decision != null && m.Status != MeetingStatus.Cancelled
                          select new { MeetingId = m.Id, m.Kind, m.Title, m.Date, m.StartTime, i.Order, i.Decision }).ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Date).ThenByDescending(r => r.StartTime).ThenByDescending(r => r.MeetingId).ThenBy(r => r.Order)
            .Select(r => new TimelineDecision(r.MeetingId, r.Kind == MeetingKind.Other ? r.Title : MeetingPaths.KindName(r.Kind), r.Date, r.Decision!,
                MeetingPaths.Meeting(r.MeetingId)))];
    }
}
