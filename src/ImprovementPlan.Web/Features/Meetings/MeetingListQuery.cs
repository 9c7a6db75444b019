using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

public sealed record MeetingRow(int Id, MeetingKind Kind, string Title, DateOnly Date, TimeOnly? StartTime, MeetingStatus Status,
    DateOnly UpdateDeadline, MinutesStatus MinutesStatus, int Items);

public sealed record MeetingList(IReadOnlyList<MeetingRow> Coming, IReadOnlyList<MeetingRow> Past);

/// <summary>The plan's meetings: coming ones soonest first, past ones latest first.</summary>
public sealed class MeetingListQuery(ImprovementPlanDbContext db, CurrentPlan currentPlan, TimeProvider clock)
{
    public async Task<MeetingList> RunAsync(CancellationToken ct = default)
    {
        var planId = await currentPlan.IdAsync(ct);
        var rows = await db.Meetings.AsNoTracking().Where(m => m.PlanId == planId)
            .Select(m => new MeetingRow(m.Id, m.Kind, m.Title, m.Date, m.StartTime, m.Status, m.UpdateDeadline, m.MinutesStatus,
                db.AgendaItems.Count(i => i.PlanId == planId && i.MeetingId == m.Id)))
            .ToListAsync(ct);
        var today = clock.Today();
        return new MeetingList(
            [.. rows.Where(r => r.Date >= today).OrderBy(r => r.Date).ThenBy(r => r.StartTime).ThenBy(r => r.Id)],
            [.. rows.Where(r => r.Date < today).OrderByDescending(r => r.Date).ThenByDescending(r => r.Id)]);
    }
}
