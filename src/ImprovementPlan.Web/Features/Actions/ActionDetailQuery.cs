using System.Security.Claims;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Shared;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Actions;

/// <summary>Everything the action page shows, and which controls the signed-in user may see.</summary>
public sealed class ActionDetailQuery(
    ImprovementPlanDbContext db,
    CurrentPlan currentPlan,
    ActionRatings ratings,
    UpdateTimelineQuery timeline,
    ActionHistoryQuery history,
    IAuthorizationService authorization,
    TimeProvider clock)
{
    private const int MaxReferenceLength = 10;

    public async Task<ActionDetailPage?> RunAsync(string reference, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > MaxReferenceLength)
        {
            return null;
        }

        var plan = await currentPlan.FindAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        // The usual spelling (as links write it) is found through the (PlanId, Reference) index. References
        // are also matched whatever their case (/actions/qp21), which not every database collation does:
        // then the plan's references (tens of rows, never another plan's) are matched here.
        var trimmed = reference.Trim();
        var id = await db.Actions.AsNoTracking().Where(a => a.PlanId == plan.Id && a.Reference == trimmed)
            .Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            var references = await db.Actions.AsNoTracking().Where(a => a.PlanId == plan.Id)
                .Select(a => new { a.Id, a.Reference }).ToListAsync(cancellationToken);
            id = references.FirstOrDefault(a => string.Equals(a.Reference, trimmed, StringComparison.OrdinalIgnoreCase))?.Id;
        }

        var action = id is null
            ? null
            : await db.Actions.AsNoTracking()
                .Include(a => a.Workstream)
                .Include(a => a.Priorities)
                .Include(a => a.SourceReviews)
                .AsSplitQuery()
                .FirstOrDefaultAsync(a => a.PlanId == plan.Id && a.Id == id, cancellationToken);
        if (action is null)
        {
            return null;
        }

        var today = Infrastructure.Clock.Today(clock);
        var rating = await ratings.ForActionAsync(plan.Id, action.Id, today, cancellationToken)
            ?? throw new InvalidOperationException($"Action {action.Id} has no rating.");
        var leadName = action.LeadUserId is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == action.LeadUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var changes = await db.DueDateChanges.AsNoTracking()
            .Where(c => c.ActionId == action.Id)
            .OrderByDescending(c => c.RequestedAtUtc).ThenByDescending(c => c.Id)
            .ToListAsync(cancellationToken);

        var leads = (await authorization.AuthorizeAsync(user, action, Policies.LeadsRecord)).Succeeded;
        var editsPlan = (await authorization.AuthorizeAsync(user, Policies.EditPlan)).Succeeded;
        var writesUpdates = (await authorization.AuthorizeAsync(user, Policies.WriteUpdates)).Succeeded;
        var decides = (await authorization.AuthorizeAsync(user, Policies.DecideUpdates)).Succeeded;

        return new ActionDetailPage
        {
            Action = action,
            Today = today,
            Rating = rating,
            SlippageDays = DueDateSlippage.Days(action.OriginalDueDate, action.DueDate),
            LeadUserName = leadName,
            Priorities = [.. action.Priorities.OrderBy(p => p.Number)],
            SourceReviews = [.. action.SourceReviews.OrderBy(s => s.Date ?? DateOnly.MaxValue).ThenBy(s => s.Code, StringComparer.Ordinal)],
            Updates = await timeline.ForActionAsync(plan.Id, action.Id, cancellationToken),
            DueDateChanges = changes,
            History = await history.RunAsync(plan.Id, action.Reference, cancellationToken),
            CanAddUpdate = leads && writesUpdates,
            CanEdit = editsPlan,
            CanRate = decides,
            CanRequestDueDate = leads || editsPlan,
        };
    }
}

/// <summary>The action page.</summary>
public sealed class ActionDetailPage
{
    public required ImprovementAction Action { get; init; }

    public required DateOnly Today { get; init; }

    public required ActionRating Rating { get; init; }

    public required int SlippageDays { get; init; }

    /// <summary>The display name of the user who leads the action in the tracker, if one is assigned.</summary>
    public required string? LeadUserName { get; init; }

    public required IReadOnlyList<Domain.Plans.Priority> Priorities { get; init; }

    public required IReadOnlyList<Domain.Plans.SourceReview> SourceReviews { get; init; }

    public required Timeline Updates { get; init; }

    public required IReadOnlyList<DueDateChange> DueDateChanges { get; init; }

    public required IReadOnlyList<HistoryEntry> History { get; init; }

    /// <summary>The user leads the action (or is the Service Director): "Add an update".</summary>
    public required bool CanAddUpdate { get; init; }

    /// <summary>The user may edit the plan: "Edit action".</summary>
    public required bool CanEdit { get; init; }

    /// <summary>The user decides ratings (the Service Director): "Change ratings".</summary>
    public required bool CanRate { get; init; }

    public required bool CanRequestDueDate { get; init; }

    public bool HasControls => CanAddUpdate || CanEdit || CanRate || CanRequestDueDate;
}
