using System.Globalization;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
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
public sealed class UpdateRecordsQuery(ImprovementPlanDbContext db)
{
    /// <summary>An action of the current plan (the first), by its reference, e.g. "QP21".</summary>
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

    /// <summary>An update with its evidence, tracked so that it can be changed.</summary>
    public Task<ProgressUpdate?> UpdateAsync(int id, CancellationToken cancellationToken) =>
        db.ProgressUpdates.Include(u => u.Evidence).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    /// <summary>The update as it is saved now, untouched by anything this request changed.</summary>
    public Task<ProgressUpdate?> SavedUpdateAsync(int id, CancellationToken cancellationToken) =>
        db.ProgressUpdates.AsNoTracking().Include(u => u.Evidence).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    public Task<Domain.Updates.Evidence?> EvidenceAsync(int id, CancellationToken cancellationToken) =>
        db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>The signed-in user's name as updates and decisions record it.</summary>
    public async Task<(string? UserId, string Name)> PersonAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        var person = userId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var name = person switch
        {
            { DisplayName.Length: > 0 } p => p.DisplayName,
            { Email: { Length: > 0 } email } => email,
            _ => user.Identity?.Name ?? "Unknown",
        };
        return (userId, name.Length > 200 ? name[..200] : name);
    }

    private Task<int> CurrentPlanIdAsync(CancellationToken cancellationToken) =>
        db.Plans.OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(cancellationToken);
}
