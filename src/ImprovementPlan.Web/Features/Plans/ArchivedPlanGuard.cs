using ImprovementPlan.Domain.Auditing;
using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ImprovementPlan.Web.Features.Plans;

/// <summary>
/// The last line of the archive rule, in the data layer: a save that adds, changes or deletes a row of
/// an archived plan (a row with its PlanId), or changes the archived plan itself, is refused with
/// <see cref="Plan.ArchivedMessage"/>. Audit entries are exempt: refusals are recorded too.
/// </summary>
public sealed class ArchivedPlanGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && PlansTouched(context) is { Count: > 0 } ids
            && context.Set<Plan>().AsNoTracking().Any(p => ids.Contains(p.Id) && p.Status == PlanStatus.Archived))
        {
            throw new DomainRuleException(Plan.ArchivedMessage);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } context && PlansTouched(context) is { Count: > 0 } ids
            && await context.Set<Plan>().AsNoTracking().AnyAsync(p => ids.Contains(p.Id) && p.Status == PlanStatus.Archived, cancellationToken))
        {
            throw new DomainRuleException(Plan.ArchivedMessage);
        }

        return result;
    }

    private static List<int> PlansTouched(DbContext context)
    {
        var ids = new HashSet<int>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || entry.Entity is AuditEntry)
            {
                continue;
            }

            if (entry.Entity is Plan plan)
            {
                // A plan that was archived before this save may not change; archiving itself is allowed.
                if (entry.State != EntityState.Added && Equals(entry.Property(nameof(Plan.Status)).OriginalValue, PlanStatus.Archived))
                {
                    throw new DomainRuleException(Plan.ArchivedMessage);
                }

                continue;
            }

            if (entry.Metadata.FindProperty("PlanId") is { } property && entry.Property(property.Name).CurrentValue is int planId)
            {
                ids.Add(planId);
            }
        }

        return [.. ids];
    }
}
