using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Plans;

/// <summary>Makes a plan the signed-in user's current plan, remembered on their account for later requests.</summary>
public sealed class SwitchPlanHandler(ImprovementPlanDbContext db, CurrentUser user, CurrentPlan currentPlan)
{
    public async Task<PlanResult> RunAsync(int planId, CancellationToken ct)
    {
        var title = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null)
        {
            return PlanResult.NotFound;
        }

        await RememberAsync(planId, ct);
        return PlanResult.Saved(planId, $"You are now working on {title}");
    }

    /// <summary>Stores the choice on the user's account (not audited: choosing what to look at changes no record).</summary>
    internal async Task RememberAsync(int planId, CancellationToken ct)
    {
        if (user.Id is { } userId)
        {
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CurrentPlanId, planId), ct);
        }

        currentPlan.Reset();
    }
}
