using System.Security.Claims;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Updates;

/// <summary>Builds what the update pages show, with the controls the signed-in user may use.</summary>
public sealed class UpdateDetailsQuery(UpdateAccessService access, IAuthorizationService authorization)
{
    public async Task<UpdateDetails> RunAsync(ClaimsPrincipal user, ProgressUpdate update, UpdateRecord record)
    {
        var canChange = await access.CanChangeAsync(user, update, record);
        var canDecide = (await authorization.AuthorizeAsync(user, Policies.DecideUpdates)).Succeeded;
        return UpdateDetails.From(update, record, canChange, canDecide);
    }
}

/// <summary>One of my updates: a draft, one returned to me, one waiting for approval, or one approved.</summary>
public sealed record MyUpdate(int Id, string RecordLabel, UpdateState State, DateOnly AsAt, DateTime? SubmittedAtUtc, DateTime? ReviewedAtUtc,
    string? ReviewComment);

/// <summary>The signed-in author's updates in the current plan: returned, drafts, waiting for approval, and approved (newest first).</summary>
public sealed class MyUpdatesQuery(ImprovementPlanDbContext db, CurrentPlan currentPlan, CurrentUser currentUser)
{
    public async Task<IReadOnlyList<MyUpdate>> RunAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.Id;
        var planId = (await currentPlan.FindAsync(cancellationToken))?.Id ?? 0;
        var updates = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.AuthorUserId == userId)
            .Where(u => db.Actions.Any(a => a.Id == u.ActionId && a.PlanId == planId)
                || db.Priorities.Any(p => p.Id == u.PriorityId && p.PlanId == planId))
            .Select(u => new { u.Id, u.ActionId, u.PriorityId, u.State, u.AsAt, u.CreatedAtUtc, u.SubmittedAtUtc, u.ReviewedAtUtc, u.ReviewComment })
            .ToListAsync(cancellationToken);
        var labels = await RecordLabelsAsync(db, updates.Select(u => u.ActionId), updates.Select(u => u.PriorityId), cancellationToken);
        return updates
            .OrderBy(u => u.State switch { UpdateState.Returned => 0, UpdateState.Draft => 1, UpdateState.Submitted => 2, _ => 3 })
            .ThenByDescending(u => u.ReviewedAtUtc ?? u.CreatedAtUtc)
            .Select(u => new MyUpdate(u.Id, labels.Label(u.ActionId, u.PriorityId), u.State, u.AsAt, u.SubmittedAtUtc, u.ReviewedAtUtc,
                u.State == UpdateState.Returned ? u.ReviewComment : null))
            .ToList();
    }

    /// <summary>"Action QP21" or "Priority 2: …" for the records of a list of updates, in two queries.</summary>
    public static async Task<RecordLabels> RecordLabelsAsync(ImprovementPlanDbContext db, IEnumerable<int?> actionIds, IEnumerable<int?> priorityIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var actionIdList = actionIds.OfType<int>().Distinct().ToList();
        var priorityIdList = priorityIds.OfType<int>().Distinct().ToList();
        var actions = await db.Actions.AsNoTracking().Where(a => actionIdList.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => new UpdateRecord(a, null).Label, cancellationToken);
        var priorities = await db.Priorities.AsNoTracking().Where(p => priorityIdList.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new UpdateRecord(null, p).Label, cancellationToken);
        return new RecordLabels(actions, priorities);
    }
}

public sealed record RecordLabels(IReadOnlyDictionary<int, string> Actions, IReadOnlyDictionary<int, string> Priorities)
{
    public string Label(int? actionId, int? priorityId) =>
        actionId is { } a ? Actions.GetValueOrDefault(a, "Action") : Priorities.GetValueOrDefault(priorityId ?? 0, "Priority");
}

/// <summary>How a proposed status reads: "No change" when the update proposes none.</summary>
public static class UpdateText
{
    public static string Status(ActionStatus? status) => status is { } s ? Shared.RagDisplay.Status(s) : "No change";
}
