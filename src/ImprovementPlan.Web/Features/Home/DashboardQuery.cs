using System.Globalization;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Shared;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Home;

/// <summary>
/// Builds the dashboard. Its action counts use the same rules as the action list's views
/// (<see cref="ActionViews"/>), so each count's link shows exactly that many actions.
/// </summary>
public sealed class DashboardQuery(ImprovementPlanDbContext db, PlanActionsQuery planActions, CurrentUser currentUser)
{
    /// <summary>How many items each card lists before "view all".</summary>
    public const int ItemsShown = 5;

    public async Task<Dashboard?> RunAsync(CancellationToken cancellationToken = default)
    {
        var plan = await planActions.RunAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var today = plan.Today;
        var actions = plan.Actions;
        var userId = currentUser.Id;

        var attention = new List<DashboardCard>
        {
            ActionCard(ActionViews.Overdue, "Overdue", actions.Where(a => a.IsOverdue(today)).OrderBy(a => a.DueDate).ThenBy(a => a.Sequence),
                "/actions?view=overdue&sort=due", n => $"{Noun(n)} past {(n == 1 ? "its" : "their")} due date and not complete",
                "View all overdue actions", "No actions are overdue.", today),
            ActionCard(ActionViews.DueSoon, $"Due in the next {ActionViews.DueSoonDays} days",
                actions.Where(a => a.IsDueSoon(today)).OrderBy(a => a.DueDate).ThenBy(a => a.Sequence),
                "/actions?view=due-soon&sort=due", n => $"{Noun(n)} due by {today.AddDays(ActionViews.DueSoonDays).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
                $"View all actions due in the next {ActionViews.DueSoonDays} days", $"No actions are due in the next {ActionViews.DueSoonDays} days.", today),
            ActionCard(ActionViews.Stale, "Stale", actions.Where(a => a.IsStale).OrderBy(a => a.Sequence),
                "/actions?view=stale", n => $"{Noun(n)} without a recent approved update",
                "View all stale actions", "No actions are stale: every open action has a recent approved update.", today),
        };

        var isDirector = currentUser.IsInRole(Roles.ServiceDirector);
        var isLead = currentUser.IsInRole(Roles.HeadOfService) && userId is not null;

        // One read of the plan's updates that wait on someone, for both sets of cards.
        var waitingUpdates = isDirector || isLead
            ? await UpdatesAsync(plan.PlanId, isDirector, isLead ? userId : null, cancellationToken)
            : [];
        var forDirector = isDirector ? await DirectorCardsAsync(plan.PlanId, waitingUpdates, cancellationToken) : null;
        var forLead = isLead ? LeadCards(userId!, actions, waitingUpdates, today) : null;

        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == plan.PlanId).OrderBy(p => p.Number)
            .Select(p => new { p.Number, p.Title }).ToListAsync(cancellationToken);
        var workstreams = await db.Workstreams.AsNoTracking().Where(w => w.PlanId == plan.PlanId).OrderBy(w => w.SortOrder)
            .Select(w => new { w.Code, w.Name }).ToListAsync(cancellationToken);

        static RagTotals TotalsOf(IEnumerable<ActionSummary> rows) => RagTotals.Of(rows.Select(a => a.Delivery.Rag));
        var priorityRows = priorities.Select(p =>
        {
            var rows = actions.Where(a => a.PriorityNumbers.Contains(p.Number)).ToList();
            return new OverviewRow(p.Number.ToString(CultureInfo.InvariantCulture), p.Title, rows.Count, TotalsOf(rows));
        }).ToList();
        var workstreamRows = workstreams.Select(w =>
        {
            var rows = actions.Where(a => a.WorkstreamCode == w.Code).ToList();
            return new OverviewRow(w.Code, w.Name, rows.Count, TotalsOf(rows));
        }).ToList();

        return new Dashboard(plan.PlanTitle, plan.Organisation, plan.PeriodStart, plan.PeriodEnd, today,
            TotalsOf(actions),
            RagTotals.Of(actions.Select(a => a.ImpactRag).OfType<Domain.Rag.Rag>()),
            actions.Count(a => a.ImpactRag is null),
            attention,
            forDirector,
            forLead,
            new OverviewTable("Priority", "Ofsted priority areas, with the actions that serve each and their delivery ratings", "priorities-table",
                "priority", priorityRows),
            new OverviewTable("Workstream", "Workstreams, with their actions and delivery ratings", "workstreams-table", "workstream", workstreamRows));
    }

    private static string Noun(int count, string singular = "action", string plural = "actions") => count == 1 ? singular : plural;

    private static DashboardCard ActionCard(string key, string title, IEnumerable<ActionSummary> rows, string href,
        Func<int, string> countText, string viewAllText, string emptyText, DateOnly today)
    {
        var list = rows.ToList();
        return new DashboardCard(key, title, list.Count, countText(list.Count), href, viewAllText, emptyText,
            [.. list.Take(ItemsShown).Select(a => ActionItem(a, today))]);
    }

    private static DashboardItem ActionItem(ActionSummary action, DateOnly today)
    {
        var due = action.DueDate is { } date
            ? (date < today ? "Was due " : "Due ") + date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)
            : "No due date";
        return new DashboardItem($"{action.Reference}: {Features.Actions.ActionListPage.Excerpt(action.ActionText, 90)}",
            $"/actions/{action.Reference}", due);
    }

    private async Task<IReadOnlyList<DashboardCard>> DirectorCardsAsync(int planId, List<UpdateRow> updates, CancellationToken cancellationToken)
    {
        var submitted = updates.Where(u => u.State == UpdateState.Submitted).ToList();
        var changes = await (from action in db.Actions.AsNoTracking()
                             where action.PlanId == planId
                             join change in db.DueDateChanges on action.Id equals change.ActionId
                             where change.State == DueDateChangeState.Pending
                             orderby change.RequestedAtUtc, change.Id
                             select new { change.FromDate, change.ToDate, change.RequestedByName, action.Reference })
            .ToListAsync(cancellationToken);

        return
        [
            new DashboardCard("awaiting-decision", "Progress updates to decide", submitted.Count,
                $"{Noun(submitted.Count, "update", "updates")} awaiting your decision",
                "/approvals", "Go to approvals", "No updates are awaiting a decision.",
                [.. submitted.Take(ItemsShown).Select(u => new DashboardItem(u.RecordText, $"/updates/{u.Id}",
                    $"From {u.AuthorName}, submitted {(u.SubmittedAtUtc ?? u.CreatedAtUtc).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"))]),
            new DashboardCard("due-date-changes", "Due date changes to decide", changes.Count,
                $"{Noun(changes.Count, "request", "requests")} to move a due date",
                "/due-date-changes", "Go to due date changes", "No due date changes are waiting for a decision.",
                [.. changes.Take(ItemsShown).Select(c => new DashboardItem($"Action {c.Reference}", $"/actions/{c.Reference}#due-date-changes",
                    $"{c.FromDate?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "No date"} to {c.ToDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, asked by {c.RequestedByName}"))]),
        ];
    }

    private static IReadOnlyList<DashboardCard> LeadCards(string userId, IReadOnlyList<ActionSummary> actions, List<UpdateRow> updates, DateOnly today)
    {
        var mine = actions.Where(a => a.LeadUserId == userId).ToList();
        var own = updates.Where(u => u.AuthorUserId == userId).ToList();
        var returned = own.Where(u => u.State == UpdateState.Returned).ToList();
        var drafts = own.Where(u => u.State == UpdateState.Draft).ToList();
        var waiting = own.Where(u => u.State == UpdateState.Submitted).ToList();

        return
        [
            new DashboardCard("my-actions", "Actions you lead", mine.Count,
                $"{Noun(mine.Count)} you lead",
                "/actions?lead=me", "View all the actions you lead", "You do not lead any actions.",
                [.. mine.OrderBy(a => a.IsComplete).ThenBy(a => a.DueDate).ThenBy(a => a.Sequence).Take(ItemsShown).Select(a => ActionItem(a, today))]),
            new DashboardCard("returned", "Updates returned to you", returned.Count,
                $"{Noun(returned.Count, "update", "updates")} returned for changes",
                "", "", "None of your updates have been returned.",
                [.. returned.Select(u => new DashboardItem($"{u.RecordText}: update of {u.AsAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
                    $"/updates/{u.Id}", u.ReviewComment is null ? null : $"Returned by {u.ReviewerName}: {u.ReviewComment}"))]),
            new DashboardCard("drafts", "Your draft updates", drafts.Count,
                $"{Noun(drafts.Count, "draft", "drafts")} not yet submitted",
                "", "", "You have no draft updates.",
                [.. drafts.Select(u => new DashboardItem($"{u.RecordText}: update of {u.AsAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
                    $"/updates/{u.Id}", $"Started {u.CreatedAtUtc.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"))]),
            new DashboardCard("waiting", "Your updates waiting for a decision", waiting.Count,
                $"{Noun(waiting.Count, "update", "updates")} with the Service Director",
                "/updates/mine", "See all your updates", "None of your updates is waiting for a decision.",
                [.. waiting.Take(ItemsShown).Select(u => new DashboardItem($"{u.RecordText}: update of {u.AsAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
                    $"/updates/{u.Id}", $"Submitted {(u.SubmittedAtUtc ?? u.CreatedAtUtc).ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}"))]),
        ];
    }

    /// <summary>
    /// The plan's updates that wait on someone: every submitted one when <paramref name="submitted"/>, and the
    /// drafts, returned and submitted updates written by <paramref name="authorUserId"/>. Read through the plan's
    /// actions and priorities, so another plan's updates are never read.
    /// </summary>
    private async Task<List<UpdateRow>> UpdatesAsync(int planId, bool submitted, string? authorUserId, CancellationToken cancellationToken)
    {
        var waiting = db.ProgressUpdates.AsNoTracking().Where(u =>
            (submitted && u.State == UpdateState.Submitted)
            || (authorUserId != null && u.AuthorUserId == authorUserId
                && (u.State == UpdateState.Draft || u.State == UpdateState.Returned || u.State == UpdateState.Submitted)));
        var onActions = await (from action in db.Actions.AsNoTracking()
                               where action.PlanId == planId
                               join update in waiting on action.Id equals update.ActionId
                               select new
                               {
                                   update.Id,
                                   update.State,
                                   update.AuthorUserId,
                                   update.AsAt,
                                   update.AuthorName,
                                   update.CreatedAtUtc,
                                   update.SubmittedAtUtc,
                                   update.ReviewerName,
                                   update.ReviewComment,
                                   action.Reference,
                               })
            .ToListAsync(cancellationToken);
        var onPriorities = await (from priority in db.Priorities.AsNoTracking()
                                  where priority.PlanId == planId
                                  join update in waiting on priority.Id equals update.PriorityId
                                  select new
                                  {
                                      update.Id,
                                      update.State,
                                      update.AuthorUserId,
                                      update.AsAt,
                                      update.AuthorName,
                                      update.CreatedAtUtc,
                                      update.SubmittedAtUtc,
                                      update.ReviewerName,
                                      update.ReviewComment,
                                      priority.Number,
                                  })
            .ToListAsync(cancellationToken);

        return [.. onActions
            .Select(r => new UpdateRow(r.Id, r.State, r.AuthorUserId, r.AsAt, r.AuthorName, r.CreatedAtUtc, r.SubmittedAtUtc, r.ReviewerName,
                r.ReviewComment, $"Action {r.Reference}", $"/actions/{r.Reference}#updates"))
            .Concat(onPriorities.Select(r => new UpdateRow(r.Id, r.State, r.AuthorUserId, r.AsAt, r.AuthorName, r.CreatedAtUtc, r.SubmittedAtUtc,
                r.ReviewerName, r.ReviewComment, $"Priority {r.Number}", $"/priorities/{r.Number}#progress")))
            .OrderBy(r => r.SubmittedAtUtc ?? r.CreatedAtUtc).ThenBy(r => r.Id)];
    }

    private sealed record UpdateRow(int Id, UpdateState State, string? AuthorUserId, DateOnly AsAt, string AuthorName, DateTime CreatedAtUtc, DateTime? SubmittedAtUtc,
        string? ReviewerName, string? ReviewComment, string RecordText, string RecordHref);
}
