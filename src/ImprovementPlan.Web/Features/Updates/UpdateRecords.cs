using System.Globalization;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Updates;

/// <summary>The action or the priority a progress update is about (exactly one of the two).</summary>
public sealed record UpdateRecord(ImprovementAction? Action, Priority? Priority)
{
    /// <summary>The record itself, as the resource for the LeadsRecord policy.</summary>
    public object Resource => (object?)Action ?? Priority!;

    public bool IsAction => Action is not null;

    public string Label => Action is { } a
        ? $"Action {a.Reference}"
        : $"Priority {Priority!.Number.ToString(CultureInfo.InvariantCulture)}: {Priority.Title}";

    /// <summary>What the record says it will do, to remind the author what they are reporting on.</summary>
    public string Summary => Action?.ActionText ?? Priority!.WhatNeedsToImprove;

    public string Href => Action is { } a
        ? $"/actions/{Uri.EscapeDataString(a.Reference)}"
        : $"/priorities/{Priority!.Number.ToString(CultureInfo.InvariantCulture)}";

    public string NewUpdateHref => Href + "/updates/new";
}

/// <summary>Finds the record an update is written on, from the route or from the update itself.</summary>
public sealed class UpdateRecordsQuery(ImprovementPlanDbContext db, CurrentPlan currentPlan, CurrentUser currentUser)
{
    /// <summary>An action of the current plan, by its reference, e.g. "QP21".</summary>
    public async Task<UpdateRecord?> ActionAsync(string reference, CancellationToken cancellationToken)
    {
        var planId = await CurrentPlanIdAsync(cancellationToken);
        var action = await db.Actions.SingleOrDefaultAsync(a => a.PlanId == planId && a.Reference == reference, cancellationToken);
        return action is null ? null : new UpdateRecord(action, null);
    }

    public async Task<UpdateRecord?> PriorityAsync(int number, CancellationToken cancellationToken)
    {
        var planId = await CurrentPlanIdAsync(cancellationToken);
        var priority = await db.Priorities.SingleOrDefaultAsync(p => p.PlanId == planId && p.Number == number, cancellationToken);
        return priority is null ? null : new UpdateRecord(null, priority);
    }

    public async Task<UpdateRecord> OfAsync(ProgressUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        return update.ActionId is { } actionId
            ? new UpdateRecord(await db.Actions.SingleAsync(a => a.Id == actionId, cancellationToken), null)
            : new UpdateRecord(null, await db.Priorities.SingleAsync(p => p.Id == update.PriorityId, cancellationToken));
    }

    /// <summary>An update of the current plan with its evidence, tracked so that it can be changed; another plan's is not found.</summary>
    public async Task<ProgressUpdate?> UpdateAsync(int id, CancellationToken cancellationToken) =>
        await InPlan(db.ProgressUpdates.Include(u => u.Evidence), await CurrentPlanIdAsync(cancellationToken))
            .SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    /// <summary>The update as it is saved now, untouched by anything this request changed.</summary>
    public async Task<ProgressUpdate?> SavedUpdateAsync(int id, CancellationToken cancellationToken) =>
        await InPlan(db.ProgressUpdates.AsNoTracking().Include(u => u.Evidence), await CurrentPlanIdAsync(cancellationToken))
            .SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    public async Task<Domain.Updates.Evidence?> EvidenceAsync(int id, CancellationToken cancellationToken)
    {
        var planId = await CurrentPlanIdAsync(cancellationToken);
        var updates = InPlan(db.ProgressUpdates, planId);
        return await db.Evidence.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == id && updates.Any(u => u.Id == e.ProgressUpdateId), cancellationToken);
    }

    /// <summary>The signed-in user's name as updates and decisions record it.</summary>
    public async Task<(string? UserId, string Name)> PersonAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = currentUser.Id;
        var person = userId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var name = person switch
        {
            { DisplayName.Length: > 0 } p => p.DisplayName,
            { Email: { Length: > 0 } email } => email,
            _ => user.Identity?.Name ?? "Unknown",
        };
        return (userId, name.Length > 200 ? name[..200] : name);
    }

    private async Task<int> CurrentPlanIdAsync(CancellationToken cancellationToken) =>
        (await currentPlan.FindAsync(cancellationToken))?.Id ?? 0;

    /// <summary>Updates on the plan's actions or priorities.</summary>
    private IQueryable<ProgressUpdate> InPlan(IQueryable<ProgressUpdate> updates, int planId) =>
        updates.Where(u => db.Actions.Any(a => a.Id == u.ActionId && a.PlanId == planId)
            || db.Priorities.Any(p => p.Id == u.PriorityId && p.PlanId == planId));
}
