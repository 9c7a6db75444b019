using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Meetings;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports.AsAt;

/// <summary>A meeting held by a report's date, as reports name it ("CSIP review, 2 March 2021").</summary>
public sealed record HeldMeeting(int Id, MeetingKind Kind, string Title, DateOnly Date)
{
    /// <summary>The kind of meeting in words, or its own title for a meeting of another kind.</summary>
    public string Name => Kind == MeetingKind.Other ? Title : MeetingPaths.KindName(Kind);

    public string NameAndDate => $"{Name}, {ReportFormat.Date(Date)}";
}

/// <summary>A decision a meeting recorded against an agenda item, and what the item concerned.</summary>
public sealed record MeetingDecision(int ItemId, HeldMeeting Meeting, string Concerning, string Decision);

/// <summary>A follow-up not yet confirmed closed on a report's date: what, who, by when, from which meeting.</summary>
public sealed record FollowUpAsAt(int Id, string What, string Owner, DateOnly DueDate, HeldMeeting Meeting, DateOnly? ClosedByOwnerOn, bool IsOverdue)
{
    /// <summary>"Open", "Open and overdue" or "Closed by its owner on 5 March 2021, to be confirmed", as on the report's date.</summary>
    public string Status => ClosedByOwnerOn is { } closed
        ? $"Closed by its owner on {ReportFormat.Date(closed)}, to be confirmed"
        : IsOverdue ? "Open and overdue" : "Open";
}

/// <summary>
/// What the plan's meetings had decided and asked for, as a report's date saw it. A meeting counts once
/// it has been held: its date is before the report's date and not after today, and it was not cancelled.
/// A decision belongs to the date of its meeting (minutes are often typed up afterwards); a follow-up is
/// closed or confirmed only if that happened by the end of the report's date, so one closed later still
/// reads as open.
/// </summary>
public sealed class MeetingsAsAtQuery(ImprovementPlanDbContext db, TimeProvider clock)
{
    /// <summary>The latest meeting of <paramref name="kind"/> held before <paramref name="reportDate"/>, or null.</summary>
    public async Task<HeldMeeting?> LastHeldAsync(int planId, MeetingKind kind, DateOnly reportDate, CancellationToken ct = default) =>
        await Held(planId, reportDate).Where(m => m.Kind == kind)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.StartTime).ThenByDescending(m => m.Id)
            .Select(m => new HeldMeeting(m.Id, m.Kind, m.Title, m.Date)).FirstOrDefaultAsync(ct);

    /// <summary>The decisions recorded at one meeting, in agenda order.</summary>
    public async Task<IReadOnlyList<MeetingDecision>> DecisionsAtAsync(HeldMeeting meeting, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meeting.Id && i.Decision != null)
            .OrderBy(i => i.Order).ThenBy(i => i.Id).Select(i => new { i.Id, i.Title, i.Decision }).ToListAsync(ct);
        return [.. items.Select(i => new MeetingDecision(i.Id, meeting, i.Title, i.Decision!))];
    }

    /// <summary>
    /// The decisions of every meeting held after <paramref name="since"/> (or since the plan began, given null)
    /// and before <paramref name="reportDate"/>, oldest meeting first, each meeting's in agenda order.
    /// </summary>
    public async Task<IReadOnlyList<MeetingDecision>> DecisionsSinceAsync(int planId, DateOnly? since, DateOnly reportDate, CancellationToken ct = default)
    {
        var after = since ?? DateOnly.MinValue;
        var rows = await (from i in db.AgendaItems.AsNoTracking()
                          join m in Held(planId, reportDate) on i.MeetingId equals m.Id
                          where i.PlanId == planId && i.Decision != null && m.Date > after
                          select new { i.Id, i.Title, i.Decision, i.Order, m.Date, m.StartTime, MeetingId = m.Id, m.Kind, MeetingTitle = m.Title })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Date).ThenBy(r => r.StartTime).ThenBy(r => r.MeetingId).ThenBy(r => r.Order).ThenBy(r => r.Id)
            .Select(r => new MeetingDecision(r.Id, new HeldMeeting(r.MeetingId, r.Kind, r.MeetingTitle, r.Date), r.Title, r.Decision!))];
    }

    /// <summary>
    /// The follow-ups asked for by meetings held before <paramref name="reportDate"/> and not confirmed closed by the end
    /// of that day, soonest due first; overdue when still open and due before <paramref name="asAt"/>.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpAsAt>> OutstandingFollowUpsAsync(int planId, DateOnly reportDate, DateOnly asAt, CancellationToken ct = default)
    {
        var endOfDay = AgendaProposalQuery.EndOfDayUtc(reportDate);
        var rows = await (from f in db.FollowUps.AsNoTracking()
                          join m in Held(planId, reportDate) on f.MeetingId equals m.Id
                          where f.PlanId == planId && (f.ConfirmedAtUtc == null || f.ConfirmedAtUtc >= endOfDay)
                          select new
                          {
                              f.Id,
                              f.What,
                              f.OwnerUserId,
                              f.DueDate,
                              f.ClosedAtUtc,
                              MeetingId = m.Id,
                              m.Kind,
                              m.Title,
                              m.Date,
                          }).ToListAsync(ct);
        var ownerIds = rows.Select(r => r.OwnerUserId).Distinct(StringComparer.Ordinal).ToList();
        var owners = ownerIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. rows.OrderBy(r => r.DueDate).ThenBy(r => r.Id).Select(r =>
        {
            DateOnly? closed = r.ClosedAtUtc is { } at && at < endOfDay ? DateOnly.FromDateTime(at.ToUkTime()) : null;
            return new FollowUpAsAt(r.Id, r.What, owners.GetValueOrDefault(r.OwnerUserId, "A former user"), r.DueDate,
                new HeldMeeting(r.MeetingId, r.Kind, r.Title, r.Date), closed, closed is null && r.DueDate < asAt);
        })];
    }

    /// <summary>The plan's meetings held before the report's date: not cancelled, and not still to come.</summary>
    private IQueryable<Meeting> Held(int planId, DateOnly reportDate)
    {
        var today = clock.Today();
        return db.Meetings.AsNoTracking()
            .Where(m => m.PlanId == planId && m.Status != MeetingStatus.Cancelled && m.Date < reportDate && m.Date <= today);
    }
}
