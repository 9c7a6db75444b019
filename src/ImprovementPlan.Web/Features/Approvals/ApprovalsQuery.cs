using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Updates;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Approvals;

/// <summary>A submitted update waiting for the Service Director.</summary>
public sealed record WaitingUpdate(int Id, string RecordLabel, string AuthorName, DateTime SubmittedAtUtc, bool HasEvidence);

public sealed record ApprovalsPage(IReadOnlyList<WaitingUpdate> Updates, int PendingDueDateChanges);

/// <summary>What waits for the Service Director's decision: submitted updates, oldest first, and due-date changes.</summary>
public sealed class ApprovalsQuery(ImprovementPlanDbContext db, CurrentPlan currentPlan)
{
    public async Task<ApprovalsPage> RunAsync(CancellationToken cancellationToken)
    {
        var planId = await currentPlan.IdAsync(cancellationToken);
        var submitted = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.State == UpdateState.Submitted)
            .Where(u => db.Actions.Any(a => a.Id == u.ActionId && a.PlanId == planId)
                || db.Priorities.Any(p => p.Id == u.PriorityId && p.PlanId == planId))
            .Select(u => new { u.Id, u.ActionId, u.PriorityId, u.AuthorName, u.SubmittedAtUtc, u.CreatedAtUtc, HasEvidence = u.Evidence.Any() })
            .ToListAsync(cancellationToken);
        var labels = await MyUpdatesQuery.RecordLabelsAsync(db, submitted.Select(u => u.ActionId), submitted.Select(u => u.PriorityId),
            cancellationToken);
        var updates = submitted
            .OrderBy(u => u.SubmittedAtUtc ?? u.CreatedAtUtc).ThenBy(u => u.Id)
            .Select(u => new WaitingUpdate(u.Id, labels.Label(u.ActionId, u.PriorityId), u.AuthorName, u.SubmittedAtUtc ?? u.CreatedAtUtc,
                u.HasEvidence))
            .ToList();
        var pending = await db.DueDateChanges.CountAsync(
            c => c.State == DueDateChangeState.Pending && db.Actions.Any(a => a.Id == c.ActionId && a.PlanId == planId), cancellationToken);
        return new ApprovalsPage(updates, pending);
    }
}
