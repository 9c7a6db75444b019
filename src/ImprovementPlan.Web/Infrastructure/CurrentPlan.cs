using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Infrastructure;

/// <summary>The plan a request works on: its id and the few fields every page shows.</summary>
public sealed record PlanHeader(int Id, string Title, string Organisation, DateOnly PeriodStart, DateOnly PeriodEnd, PlanStatus Status)
{
    /// <summary>An archived plan is read and reported on; every write to it is refused.</summary>
    public bool IsArchived => Status == PlanStatus.Archived;
}

/// <summary>
/// The plan the current request is about, resolved once per request: the plan the signed-in user last
/// chose (remembered on their account), or else the first active plan. Every query of plan-owned data
/// names its plan through this service instead of looking up "the first plan" itself.
/// </summary>
public sealed class CurrentPlan(ImprovementPlanDbContext db, CurrentUser user)
{
    private PlanHeader? _plan;
    private bool _resolved;

    /// <summary>The current plan, or null when the database holds no plan yet.</summary>
    public async ValueTask<PlanHeader?> FindAsync(CancellationToken cancellationToken = default)
    {
        if (!_resolved)
        {
            var chosen = user.Id is { } userId
                ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.CurrentPlanId).FirstOrDefaultAsync(cancellationToken)
                : null;
            _plan = await db.Plans.AsNoTracking()
                .OrderBy(p => p.Id == chosen ? 0 : 1)
                .ThenBy(p => p.Status == PlanStatus.Active ? 0 : p.Status == PlanStatus.Archived ? 2 : 1)
                .ThenBy(p => p.Id)
                .Select(p => new PlanHeader(p.Id, p.Title, p.Organisation, p.PeriodStart, p.PeriodEnd, p.Status))
                .FirstOrDefaultAsync(cancellationToken);
            _resolved = true;
        }

        return _plan;
    }

    /// <summary>The current plan; throws when the database holds none (it is seeded at start-up).</summary>
    public async ValueTask<PlanHeader> GetAsync(CancellationToken cancellationToken = default) =>
        await FindAsync(cancellationToken) ?? throw new InvalidOperationException("The database holds no plan.");

    public async ValueTask<int> IdAsync(CancellationToken cancellationToken = default) => (await GetAsync(cancellationToken)).Id;

    /// <summary>Forgets what was resolved, after the user chose another plan in this request.</summary>
    public void Reset()
    {
        _plan = null;
        _resolved = false;
    }
}
