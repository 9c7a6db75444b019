using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Meetings;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Meetings;
using ImprovementPlan.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.ToDo;

/// <summary>
/// Builds a user's to-do list for a plan as at a date: the actions they lead with no approved update since
/// the last CSIP review, the figures due for the measures they own, their open follow-ups, and — for the
/// Service Director — the updates, due-date requests and closed follow-ups waiting for their decision.
/// It reads no request state, so a background job can call it for any user.
/// </summary>
public sealed class ToDoListQuery(ImprovementPlanDbContext db)
{
    public async Task<ToDoList> BuildAsync(int planId, string userId, DateOnly asAt, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var userName = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? string.Empty;
        var lastReview = await db.Meetings.AsNoTracking()
            .Where(m => m.PlanId == planId && m.Kind == MeetingKind.CsipReview && m.Status != MeetingStatus.Cancelled && m.Date < asAt)
            .OrderByDescending(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefaultAsync(ct);
        var next = await db.Meetings.AsNoTracking()
            .Where(m => m.PlanId == planId && m.Kind == MeetingKind.CsipReview && m.Status != MeetingStatus.Cancelled && m.Date >= asAt)
            .OrderBy(m => m.Date).Select(m => new { m.Id, m.Title, m.Date, m.UpdateDeadline }).FirstOrDefaultAsync(ct);
        var nextReview = next is null ? null : new ToDoMeeting(next.Id, next.Title, next.Date, next.UpdateDeadline, MeetingPaths.Meeting(next.Id));

        var isDirector = await (from ur in db.UserRoles
                                join r in db.Roles on ur.RoleId equals r.Id
                                where ur.UserId == userId && r.Name == Roles.ServiceDirector
                                select ur).AnyAsync(ct);
        return new ToDoList(userId, userName, asAt, nextReview, lastReview,
            await ActionsToUpdateAsync(planId, userId, lastReview, nextReview, ct),
            await FiguresDueAsync(planId, userId, asAt, ct),
            await OpenFollowUpsAsync(planId, userId, asAt, ct),
            isDirector ? await DecisionsAsync(planId, ct) : []);
    }

    private async Task<IReadOnlyList<ToDoItem>> ActionsToUpdateAsync(int planId, string userId, DateOnly? lastReview, ToDoMeeting? next, CancellationToken ct)
    {
        var since = lastReview is { } last ? AgendaProposalQuery.EndOfDayUtc(last) : DateTime.MinValue;
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == planId && a.LeadUserId == userId && a.Status != ActionStatus.Complete)
            .Where(a => !db.ProgressUpdates.Any(u => u.ActionId == a.Id && u.State == UpdateState.Approved && u.ReviewedAtUtc >= since))
            .OrderBy(a => a.Sequence)
            .Select(a => new
            {
                a.Id,
                a.Reference,
                a.ActionText,
                Waiting = db.ProgressUpdates.Any(u => u.ActionId == a.Id && u.State == UpdateState.Submitted),
            })
            .ToListAsync(ct);
        var when = lastReview is { } l ? $"since the CSIP review of {MeetingPaths.Date(l)}" : "yet";
        return [.. actions.Select(a => new ToDoItem(ActionKey(a.Id), $"{a.Reference}: {Shorten(a.ActionText)}", MeetingPaths.Action(a.Reference),
            a.Waiting
                ? $"No approved update {when}; yours is waiting for a decision"
                : next is null ? $"No approved update {when}" : $"No approved update {when}: send one by {MeetingPaths.Date(next.UpdateDeadline)}",
            a.Waiting ? null : next?.UpdateDeadline))];
    }

    private async Task<IReadOnlyList<ToDoItem>> FiguresDueAsync(int planId, string userId, DateOnly asAt, CancellationToken ct)
    {
        var measures = await db.Measures.AsNoTracking()
            .Where(m => m.PlanId == planId && m.DataOwnerUserId == userId && (m.RetiredOn == null || m.RetiredOn > asAt))
            .Include(m => m.Actuals).Include(m => m.Targets).OrderBy(m => m.Id).AsSplitQuery().ToListAsync(ct);
        var items = new List<ToDoItem>();
        foreach (var measure in measures)
        {
            // The same rule as the dashboard's measures work list: a figure is due once its period has ended.
            if (measure.NextFigureDue(asAt) is { } next && next.Period.End < asAt)
            {
                var period = new MeasureText(measure.Unit, measure.DecimalPlaces, measure.Frequency).Period(next.Period);
                var detail = next.DueOn < asAt
                    ? $"The figure for {period} was due by {MeetingPaths.Date(next.DueOn)}"
                    : $"The figure for {period} is due by {MeetingPaths.Date(next.DueOn)}";
                items.Add(new ToDoItem($"figure:{measure.Id}:{next.Period.End:yyyy-MM-dd}", measure.Name, MeetingPaths.Measure(measure.Id), detail, next.DueOn));
            }
        }

        return [.. items.OrderBy(i => i.DueOn)];
    }

    /// <summary>The follow-ups <paramref name="userId"/> owns that are still open, soonest due first (the dashboard reads only these).</summary>
    public async Task<IReadOnlyList<ToDoItem>> OpenFollowUpsAsync(int planId, string userId, DateOnly asAt, CancellationToken ct = default)
    {
        var rows = await (from f in db.FollowUps.AsNoTracking()
                          join m in db.Meetings.AsNoTracking() on f.MeetingId equals m.Id
                          where f.PlanId == planId && f.OwnerUserId == userId && f.Status == FollowUpStatus.Open
                          orderby f.DueDate, f.Id
                          select new { f.Id, f.What, f.DueDate, m.Title, m.Date }).ToListAsync(ct);
        return [.. rows.Select(f => new ToDoItem($"follow-up:{f.Id}", Shorten(f.What), MeetingPaths.CloseFollowUp(f.Id),
            $"{(f.DueDate < asAt ? "Overdue: was due" : "Due")} by {MeetingPaths.Date(f.DueDate)}, from the {f.Title} of {MeetingPaths.Date(f.Date)}", f.DueDate))];
    }

    private async Task<IReadOnlyList<ToDoItem>> DecisionsAsync(int planId, CancellationToken ct)
    {
        var actionUpdates = await (from u in db.ProgressUpdates.AsNoTracking()
                                   join a in db.Actions.AsNoTracking() on u.ActionId equals a.Id
                                   where a.PlanId == planId && u.State == UpdateState.Submitted
                                   orderby u.SubmittedAtUtc
                                   select new { u.Id, a.Reference, u.AuthorName, u.SubmittedAtUtc }).ToListAsync(ct);
        var priorityUpdates = await (from u in db.ProgressUpdates.AsNoTracking()
                                     join p in db.Priorities.AsNoTracking() on u.PriorityId equals p.Id
                                     where p.PlanId == planId && u.State == UpdateState.Submitted
                                     orderby u.SubmittedAtUtc
                                     select new { u.Id, p.Number, u.AuthorName, u.SubmittedAtUtc }).ToListAsync(ct);
        var dueDates = await (from c in db.DueDateChanges.AsNoTracking()
                              join a in db.Actions.AsNoTracking() on c.ActionId equals a.Id
                              where a.PlanId == planId && c.State == DueDateChangeState.Pending
                              orderby c.RequestedAtUtc
                              select new { c.Id, a.Reference, c.ToDate, c.RequestedByName }).ToListAsync(ct);
        var closed = await (from f in db.FollowUps.AsNoTracking()
                            join m in db.Meetings.AsNoTracking() on f.MeetingId equals m.Id
                            where f.PlanId == planId && f.Status == FollowUpStatus.ClosedByOwner
                            orderby f.ClosedAtUtc
                            select new { f.Id, f.What, MeetingId = m.Id, m.Title }).ToListAsync(ct);
        return
        [
            .. actionUpdates.Select(u => new ToDoItem($"update:{u.Id}", $"Update on {u.Reference} from {u.AuthorName}", $"/updates/{u.Id}", "Waiting for your decision", null)),
            .. priorityUpdates.Select(u => new ToDoItem($"update:{u.Id}", $"Update on priority {u.Number} from {u.AuthorName}", $"/updates/{u.Id}", "Waiting for your decision", null)),
            .. dueDates.Select(c => new ToDoItem($"due-date:{c.Id}", $"Move {c.Reference} to {MeetingPaths.Date(c.ToDate)}", "/due-date-changes",
                $"Asked by {c.RequestedByName}; waiting for your decision", null)),
            .. closed.Select(f => new ToDoItem($"confirm:{f.Id}", Shorten(f.What), MeetingPaths.Meeting(f.MeetingId), $"Closed by its owner; to confirm (from the {f.Title})", null)),
        ];
    }

    /// <summary>The key of an action's item in <see cref="ToDoList.ActionsToUpdate"/>.</summary>
    public static string ActionKey(int actionId) => $"action:{actionId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static string Shorten(string text) => text.Length <= 140 ? text : string.Concat(text.AsSpan(0, 139), "…");
}
