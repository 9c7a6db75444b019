using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Home;

public sealed record PlanOverview(
    string Title,
    string Organisation,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    DateOnly Today,
    RagTotals AllActions,
    IReadOnlyList<OverviewRow> Priorities,
    IReadOnlyList<OverviewRow> Workstreams);

/// <summary>A priority or workstream with its action count and RAG totals.</summary>
public sealed record OverviewRow(string Code, string Title, int ActionCount, RagTotals Totals);

/// <summary>Builds the plan overview on the home page.</summary>
public sealed class PlanOverviewQuery(ImprovementPlanDbContext db, ActionRatings ratings, TimeProvider clock)
{
    public async Task<PlanOverview?> RunAsync(CancellationToken cancellationToken = default)
    {
        var plan = await db.Plans.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var ratingByAction = await ratings.ForPlanAsync(plan.Id, cancellationToken);
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == plan.Id)
            .Select(a => new { a.Id, a.WorkstreamId, PriorityIds = a.Priorities.Select(p => p.Id).ToList() })
            .ToListAsync(cancellationToken);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == plan.Id).OrderBy(p => p.Number).ToListAsync(cancellationToken);
        var workstreams = await db.Workstreams.AsNoTracking().Where(w => w.PlanId == plan.Id).OrderBy(w => w.SortOrder).ToListAsync(cancellationToken);

        RagTotals TotalsOf(IEnumerable<int> actionIds) => RagTotals.Of(actionIds.Select(id => ratingByAction[id].Delivery.Rag));

        var priorityRows = priorities.Select(p =>
        {
            var ids = actions.Where(a => a.PriorityIds.Contains(p.Id)).Select(a => a.Id).ToList();
            return new OverviewRow(p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Title, ids.Count, TotalsOf(ids));
        }).ToList();
        var workstreamRows = workstreams.Select(w =>
        {
            var ids = actions.Where(a => a.WorkstreamId == w.Id).Select(a => a.Id).ToList();
            return new OverviewRow(w.Code, w.Name, ids.Count, TotalsOf(ids));
        }).ToList();

        return new PlanOverview(plan.Title, plan.Organisation, plan.PeriodStart, plan.PeriodEnd, Infrastructure.Clock.Today(clock),
            TotalsOf(actions.Select(a => a.Id)), priorityRows, workstreamRows);
    }
}
