using System.Security.Claims;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Priorities;

/// <summary>A priority in the list: its lead, its actions and their delivery ratings.</summary>
public sealed record PriorityListRow(int Number, string Title, string? LeadName, int ActionCount, RagTotals Totals);

public sealed record PriorityListPage(DateOnly Today, IReadOnlyList<PriorityListRow> Rows);

/// <summary>A measure linked to a priority, with its latest figure, the target that applies and its rating.</summary>
public sealed record PriorityMeasure(
    string Code,
    string Name,
    MeasureUnit Unit,
    MeasureActual? Latest,
    MeasureTarget? Target,
    bool TargetIsUpcoming,
    MeasureRating Rating)
{
    /// <summary>The measure's id, for the link to its page (/measures/{id}).</summary>
    public int Id { get; init; }
}

/// <summary>The priority page.</summary>
public sealed record PriorityDetailPage(
    Priority Priority,
    DateOnly Today,
    string? LeadName,
    IReadOnlyList<ActionSummary> Actions,
    RagTotals Totals,
    IReadOnlyList<PriorityMeasure> Measures,
    Timeline Updates,
    bool CanAddUpdate);

/// <summary>The nine priority areas and each one's page.</summary>
public sealed class PriorityQueries(
    ImprovementPlanDbContext db,
    PlanActionsQuery planActions,
    UpdateTimelineQuery timeline,
    IAuthorizationService authorization)
{
    public async Task<PriorityListPage?> ListAsync(CancellationToken cancellationToken = default)
    {
        var plan = await planActions.RunAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == plan.PlanId).OrderBy(p => p.Number)
            .Select(p => new { p.Number, p.Title, p.LeadUserId }).ToListAsync(cancellationToken);
        var names = await LeadNamesAsync(priorities.Select(p => p.LeadUserId), cancellationToken);

        return new PriorityListPage(plan.Today, [.. priorities.Select(p =>
        {
            var actions = plan.Actions.Where(a => a.PriorityNumbers.Contains(p.Number)).ToList();
            return new PriorityListRow(p.Number, p.Title, p.LeadUserId is null ? null : names.GetValueOrDefault(p.LeadUserId),
                actions.Count, RagTotals.Of(actions.Select(a => a.Delivery.Rag)));
        })]);
    }

    public async Task<PriorityDetailPage?> DetailAsync(int number, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var plan = await planActions.RunAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var priority = await db.Priorities.AsNoTracking().FirstOrDefaultAsync(p => p.PlanId == plan.PlanId && p.Number == number, cancellationToken);
        if (priority is null)
        {
            return null;
        }

        var names = await LeadNamesAsync([priority.LeadUserId], cancellationToken);
        var actions = plan.Actions.Where(a => a.PriorityNumbers.Contains(number)).ToList();
        var measures = await db.Measures.AsNoTracking()
            .Where(m => m.PriorityId == priority.Id)
            .Include(m => m.Targets)
            .Include(m => m.Actuals)
            .AsSplitQuery()
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);

        return new PriorityDetailPage(
            priority,
            plan.Today,
            priority.LeadUserId is null ? null : names.GetValueOrDefault(priority.LeadUserId),
            actions,
            RagTotals.Of(actions.Select(a => a.Delivery.Rag)),
            [.. measures.Select(m => Rate(m, plan.Today))],
            await timeline.ForPriorityAsync(plan.PlanId, priority.Id, cancellationToken),
            (await authorization.AuthorizeAsync(user, priority, Policies.LeadsRecord)).Succeeded);
    }

    private static PriorityMeasure Rate(Measure measure, DateOnly today)
    {
        var rating = measure.RateAsAt(today);
        var latest = rating.Actual is { } point
            ? measure.Actuals.FirstOrDefault(a => a.PeriodStart == point.PeriodStart && a.PeriodEnd == point.PeriodEnd)
            : null;
        var target = rating.Status == MeasureRatingStatus.Rated && rating.Target is { } applied
            ? measure.Targets.FirstOrDefault(t => t.Date == applied.Date)
            : null;

        // When no target applies yet (no figure, or a figure from before the trajectory starts), the next
        // point on the trajectory says what the measure is aiming for, as the committee report does.
        var upcoming = false;
        if (target is null)
        {
            var from = latest?.PeriodEnd ?? today;
            target = measure.Targets.Where(t => t.Date >= from).OrderBy(t => t.Date).FirstOrDefault()
                ?? (latest is null ? measure.Targets.OrderByDescending(t => t.Date).FirstOrDefault() : null);
            upcoming = target is not null;
        }

        return new PriorityMeasure(measure.Code, measure.Name, measure.Unit, latest, target, upcoming, rating) { Id = measure.Id };
    }

    private async Task<Dictionary<string, string>> LeadNamesAsync(IEnumerable<string?> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return ids.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}
