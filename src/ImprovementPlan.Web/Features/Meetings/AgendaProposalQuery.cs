using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Reports;
using ImprovementPlan.Web.Features.Reports.AsAt;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>An item the app proposes for an agenda: its subject, once, with every reason it is there.</summary>
public sealed record ProposedItem(AgendaSubject Subject, int SubjectId, string Title, IReadOnlyList<string> Reasons, string Href);

/// <summary>
/// The agenda the data proposes for a meeting, as at the meeting's date. Every meeting carries the
/// follow-ups of earlier meetings of its kind that are not yet confirmed closed, and the reports prepared
/// for it. A CSIP review adds, by exception: actions overdue, Red or Amber, stale, with a due date moved
/// since the last review, whose lead sent nothing by the update deadline, or with an update or due date
/// waiting for a decision; priorities with an update waiting; measures off track or with a figure overdue.
/// The ratings are the reports' own (<see cref="PlanAsAtQuery"/>, <see cref="MeasureFigures"/>).
/// </summary>
public sealed class AgendaProposalQuery(ImprovementPlanDbContext db, PlanAsAtQuery asAt, TimeProvider clock)
{
    private const int TitleLength = 160;

    public async Task<IReadOnlyList<ProposedItem>> ProposeAsync(Meeting meeting, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var planId = meeting.PlanId;
        var items = new List<ProposedItem>();
        items.AddRange(await FollowUpsAsync(meeting, ct));
        if (meeting.Kind == MeetingKind.CsipReview)
        {
            items.AddRange(await ActionsAsync(meeting, ct));
            items.AddRange(await PrioritiesAsync(planId, ct));
            items.AddRange(await MeasuresAsync(planId, meeting.Date, ct));
        }

        var reports = await db.Reports.AsNoTracking().Where(r => r.PlanId == planId && r.MeetingId == meeting.Id)
            .OrderBy(r => r.AgendaItem).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Title, r.AgendaItem }).ToListAsync(ct);
        items.AddRange(reports.Select(r => new ProposedItem(AgendaSubject.Report, r.Id,
            r.AgendaItem is null ? r.Title : $"Agenda item {r.AgendaItem}: {r.Title}", ["Report prepared for this meeting"], MeetingPaths.Report(r.Id))));
        return items;
    }

    /// <summary>The previous meeting of the kind that was not cancelled, if any.</summary>
    public async Task<DateOnly?> PreviousMeetingDateAsync(int planId, MeetingKind kind, DateOnly before, CancellationToken ct = default) =>
        await db.Meetings.AsNoTracking()
            .Where(m => m.PlanId == planId && m.Kind == kind && m.Status != MeetingStatus.Cancelled && m.Date < before)
            .OrderByDescending(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(ct);

    private async Task<IEnumerable<ProposedItem>> FollowUpsAsync(Meeting meeting, CancellationToken ct)
    {
        var rows = await (from f in db.FollowUps.AsNoTracking()
                          join m in db.Meetings.AsNoTracking() on f.MeetingId equals m.Id
                          where f.PlanId == meeting.PlanId && m.PlanId == meeting.PlanId && m.Kind == meeting.Kind && m.Date < meeting.Date
                                && f.Status != FollowUpStatus.Confirmed
                          orderby f.DueDate, f.Id
                          select new { f.Id, f.What, f.OwnerUserId, f.DueDate, f.Status, f.ClosingNote, MeetingId = m.Id, MeetingDate = m.Date })
            .ToListAsync(ct);
        var names = await UserNamesAsync(rows.Select(r => r.OwnerUserId), ct);
        return rows.Select(r =>
        {
            var reasons = new List<string>
            {
                $"Follow-up from {MeetingPaths.Date(r.MeetingDate)} for {names.GetValueOrDefault(r.OwnerUserId, "a former user")}, due by {MeetingPaths.Date(r.DueDate)}",
                r.Status switch
                {
                    FollowUpStatus.ClosedByOwner => $"Closed by its owner: {r.ClosingNote}",
                    _ when r.DueDate < meeting.Date => "Open and overdue",
                    _ => "Open",
                },
            };
            return new ProposedItem(AgendaSubject.FollowUp, r.Id, Shorten(r.What), reasons, MeetingPaths.Meeting(r.MeetingId));
        });
    }

    private async Task<IEnumerable<ProposedItem>> ActionsAsync(Meeting meeting, CancellationToken ct)
    {
        var planId = meeting.PlanId;
        var date = meeting.Date;
        var actions = await db.Actions.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Sequence)
            .Select(a => new { a.Id, a.Reference, a.ActionText, a.OriginalDueDate, a.LeadUserId, a.LeadOfficer })
            .ToListAsync(ct);
        var onDate = await asAt.ActionsAsync(planId, date, ct);
        var previous = await PreviousMeetingDateAsync(planId, MeetingKind.CsipReview, date, ct);
        var since = previous is { } p ? EndOfDayUtc(p) : DateTime.MinValue;
        var until = EndOfDayUtc(date);

        var moves = (await (from c in db.DueDateChanges.AsNoTracking()
                            join a in db.Actions.AsNoTracking() on c.ActionId equals a.Id
                            where a.PlanId == planId && c.State == DueDateChangeState.Approved && c.DecidedAtUtc >= since && c.DecidedAtUtc < until
                            select new { c.ActionId, c.ToDate, c.FromDate }).ToListAsync(ct))
            .ToLookup(c => c.ActionId);
        var pendingMoves = (await (from c in db.DueDateChanges.AsNoTracking()
                                   join a in db.Actions.AsNoTracking() on c.ActionId equals a.Id
                                   where a.PlanId == planId && c.State == DueDateChangeState.Pending
                                   select new { c.ActionId, c.ToDate }).ToListAsync(ct))
            .ToLookup(c => c.ActionId);
        var waiting = (await (from u in db.ProgressUpdates.AsNoTracking()
                              join a in db.Actions.AsNoTracking() on u.ActionId equals a.Id
                              where a.PlanId == planId && u.State == UpdateState.Submitted
                              select new { ActionId = a.Id, u.SubmittedAtUtc }).ToListAsync(ct))
            .ToLookup(u => u.ActionId);

        // The deadline counts only once it has passed: before that nobody has missed it.
        var deadlinePassed = clock.Today() > meeting.UpdateDeadline;
        var sentInTime = new HashSet<int>();
        if (deadlinePassed)
        {
            var deadlineEnd = EndOfDayUtc(meeting.UpdateDeadline);
            sentInTime = [.. await (from u in db.ProgressUpdates.AsNoTracking()
                                    join a in db.Actions.AsNoTracking() on u.ActionId equals a.Id
                                    where a.PlanId == planId && (u.State == UpdateState.Submitted || u.State == UpdateState.Approved)
                                          && u.SubmittedAtUtc >= since && u.SubmittedAtUtc < deadlineEnd
                                    select a.Id).Distinct().ToListAsync(ct)];
        }

        var leadNames = await UserNamesAsync(actions.Where(a => a.LeadUserId is not null).Select(a => a.LeadUserId!), ct);
        var items = new List<ProposedItem>();
        foreach (var action in actions)
        {
            if (!onDate.TryGetValue(action.Id, out var then))
            {
                continue;
            }

            var state = then.State;
            var reasons = new List<string>();
            if (!state.IsComplete)
            {
                if (state.IsOverdue)
                {
                    reasons.Add($"Overdue: due by {MeetingPaths.Date(state.DueDate!.Value)}");
                }

                if (then.Delivery.Rag is Rag.Red or Rag.Amber)
                {
                    reasons.Add($"Rated {then.Delivery.Rag}: {then.Delivery.Reason}");
                }

                if (then.IsStale)
                {
                    reasons.Add(state.LastApprovedUpdateOn is { } last
                        ? $"Stale: no approved update since {MeetingPaths.Date(last)}"
                        : "Stale: no approved update yet");
                }

                foreach (var move in moves[action.Id])
                {
                    reasons.Add(move.FromDate is { } from
                        ? $"Due date moved from {MeetingPaths.Date(from)} to {MeetingPaths.Date(move.ToDate)} since the last review"
                        : $"Due date set to {MeetingPaths.Date(move.ToDate)} since the last review");
                }

                if (reasons.Count > 0 && DueDateSlippage.Days(action.OriginalDueDate, state.DueDate) is var slip && slip > 0)
                {
                    reasons.Add($"Due date now {DueDateSlippage.Describe(slip)} than first agreed");
                }

                if (deadlinePassed && action.LeadUserId is { } lead && !sentInTime.Contains(action.Id))
                {
                    reasons.Add($"No update by the deadline of {MeetingPaths.Date(meeting.UpdateDeadline)} from {leadNames.GetValueOrDefault(lead, action.LeadOfficer ?? "the lead")}");
                }
            }

            reasons.AddRange(waiting[action.Id].Select(u => u.SubmittedAtUtc is { } at
                ? $"Update sent on {MeetingPaths.Date(DateOnly.FromDateTime(at.ToUkTime()))} waiting for a decision"
                : "Update waiting for a decision"));
            reasons.AddRange(pendingMoves[action.Id].Select(c => $"Request to move the due date to {MeetingPaths.Date(c.ToDate)} waiting for a decision"));
            if (reasons.Count > 0)
            {
                items.Add(new ProposedItem(AgendaSubject.Action, action.Id, Shorten($"{action.Reference}: {action.ActionText}"), reasons,
                    MeetingPaths.Action(action.Reference)));
            }
        }

        return items;
    }

    private async Task<IEnumerable<ProposedItem>> PrioritiesAsync(int planId, CancellationToken ct)
    {
        var rows = await (from u in db.ProgressUpdates.AsNoTracking()
                          join p in db.Priorities.AsNoTracking() on u.PriorityId equals p.Id
                          where p.PlanId == planId && u.State == UpdateState.Submitted
                          orderby p.Number
                          select new { p.Id, p.Number, p.Title }).ToListAsync(ct);
        return rows.GroupBy(r => r.Id).Select(g => new ProposedItem(AgendaSubject.Priority, g.Key,
            Shorten($"Priority {g.First().Number}: {g.First().Title}"),
            [g.Count() == 1 ? "Update waiting for a decision" : $"{g.Count()} updates waiting for a decision"], MeetingPaths.Priority(g.First().Number)));
    }

    private async Task<IEnumerable<ProposedItem>> MeasuresAsync(int planId, DateOnly date, CancellationToken ct)
    {
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId)
            .Include(m => m.Targets).Include(m => m.Actuals)
            .OrderBy(m => m.Id).AsSplitQuery().ToListAsync(ct);
        var items = new List<ProposedItem>();
        foreach (var measure in measures.Where(m => !m.IsRetiredBy(date)))
        {
            var reasons = new List<string>();
            var rating = measure.RateAsAt(date);
            if (rating.Rag is Rag.Red or Rag.Amber)
            {
                reasons.Add($"Off track: {rating.Word}: {rating.Reason}");
            }

            var text = new MeasureText(measure.Unit, measure.DecimalPlaces, measure.Frequency);
            if (MeasureFigures.OverdueFor(measure, date, text) is { } overdue)
            {
                reasons.Add($"The figure for {overdue.Period} was due by {MeetingPaths.Date(overdue.DueOn)}");
            }

            if (reasons.Count > 0)
            {
                items.Add(new ProposedItem(AgendaSubject.Measure, measure.Id, Shorten($"{measure.Code}: {measure.Name}"), reasons,
                    MeetingPaths.Measure(measure.Id)));
            }
        }

        return items;
    }

    private async Task<Dictionary<string, string>> UserNamesAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        return wanted.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>The first UTC instant after <paramref name="date"/> ends in the UK.</summary>
    internal static DateTime EndOfDayUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Clock.UkTime);

    private static string Shorten(string text) => text.Length <= TitleLength ? text : string.Concat(text.AsSpan(0, TitleLength - 1), "…");
}
