using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Plans;

/// <summary>One plan in the list of plans.</summary>
public sealed record PlanListItem(int Id, string Title, string Organisation, DateOnly PeriodStart, DateOnly PeriodEnd, PlanStatus Status,
    DateTime? ArchivedAt, string? CopiedFrom, int Actions, bool IsCurrent);

/// <summary>The plans page: every plan, the one shown marked, and whether the reader may create, copy and archive.</summary>
public sealed record PlanListPage(IReadOnlyList<PlanListItem> Plans, bool MayManage);

/// <summary>Lists the plans a user can switch between: every plan of the deployment, active ones first.</summary>
public sealed class PlanListQuery(ImprovementPlanDbContext db, CurrentPlan currentPlan)
{
    public async Task<PlanListPage> RunAsync(bool mayManage, CancellationToken ct)
    {
        var current = await currentPlan.FindAsync(ct);
        var plans = await db.Plans.AsNoTracking()
            .OrderBy(p => p.Status == PlanStatus.Archived ? 1 : 0).ThenByDescending(p => p.PeriodStart).ThenBy(p => p.Title)
            .Select(p => new
            {
                p.Id,
                p.Title,
                p.Organisation,
                p.PeriodStart,
                p.PeriodEnd,
                p.Status,
                p.ArchivedAt,
                CopiedFrom = db.Plans.Where(o => o.Id == p.CopiedFromPlanId).Select(o => o.Title).FirstOrDefault(),
                Actions = db.Actions.Count(a => a.PlanId == p.Id),
            })
            .ToListAsync(ct);
        return new PlanListPage(
            [.. plans.Select(p => new PlanListItem(p.Id, p.Title, p.Organisation, p.PeriodStart, p.PeriodEnd, p.Status, p.ArchivedAt, p.CopiedFrom,
                p.Actions, p.Id == current?.Id))],
            mayManage);
    }
}
