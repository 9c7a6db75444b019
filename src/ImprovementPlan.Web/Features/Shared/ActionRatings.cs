using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Shared;

/// <summary>An action's delivery rating on a date, with whether it had gone stale by then.</summary>
public sealed record ActionRating(DeliveryRating Delivery, bool IsStale, DateOnly? LastApprovedUpdateOn);

/// <summary>The latest approved update of an action or a priority, as of a date.</summary>
public sealed record LatestApprovedUpdate(int UpdateId, DateOnly AsAt, Rag? ProposedDeliveryRag);

/// <summary>
/// Works out the delivery RAG and staleness of a plan's actions from the domain rules.
/// <para>
/// Every method names the plan, optionally the actions (or priorities) the caller shows, and an
/// <c>asAt</c> date. That date is "today" for the rules (due dates, staleness) and the cut-off for
/// the updates that count: an update counts when it was approved (its <c>ReviewedAtUtc</c>) on or
/// before the end of that day in UK time. The latest approved update of each action is picked in
/// SQL, by a correlated sub-query per action that walks the (ActionId, AsAt) index backwards, so
/// the cost follows the number of actions shown, not the number of updates in the database.
/// </para>
/// </summary>
public sealed class ActionRatings(ImprovementPlanDbContext db, TimeProvider clock, RagSettings settings)
{
    /// <summary>Every action of the plan, rated today.</summary>
    public Task<IReadOnlyDictionary<int, ActionRating>> ForPlanAsync(int planId, CancellationToken cancellationToken = default) =>
        ForPlanAsync(planId, null, clock.Today(), cancellationToken);

    /// <summary>
    /// The plan's actions (all of them, or only <paramref name="actionIds"/>) rated as at <paramref name="asAt"/>.
    /// Ids that are not the plan's are left out of the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ActionRating>> ForPlanAsync(int planId, IReadOnlyCollection<int>? actionIds, DateOnly asAt,
        CancellationToken cancellationToken = default)
    {
        var actions = db.Actions.AsNoTracking().Where(a => a.PlanId == planId);
        if (actionIds is not null)
        {
            if (actionIds.Count == 0)
            {
                return new Dictionary<int, ActionRating>();
            }

            actions = actionIds.Count == 1
                ? actions.Where(a => a.Id == actionIds.First())
                : actions.Where(a => actionIds.Contains(a.Id));
        }

        var cutOff = EndOfDayUtc(asAt);
        var approved = db.ProgressUpdates.Where(u => u.State == UpdateState.Approved && u.ReviewedAtUtc < cutOff);

        // Two scalar sub-queries (not a window over every approved update): each is a seek on the
        // (ActionId, AsAt) index, newest first, stopping at the first row.
        var rows = await actions
            .Select(a => new
            {
                a.Id,
                a.DueDate,
                a.Status,
                a.EmbeddedConfirmedOn,
                a.DeliveryRagOverride,
                a.DeliveryRagOverrideReason,
                LatestAsAt = approved.Where(u => u.ActionId == a.Id)
                    .OrderByDescending(u => u.AsAt).ThenByDescending(u => u.ReviewedAtUtc).ThenByDescending(u => u.Id)
                    .Select(u => (DateOnly?)u.AsAt).FirstOrDefault(),
                LatestRag = approved.Where(u => u.ActionId == a.Id)
                    .OrderByDescending(u => u.AsAt).ThenByDescending(u => u.ReviewedAtUtc).ThenByDescending(u => u.Id)
                    .Select(u => u.ProposedDeliveryRag).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var ratings = new Dictionary<int, ActionRating>(rows.Count);
        foreach (var action in rows)
        {
            var isComplete = action.Status == ActionStatus.Complete;
            var facts = new ActionDeliveryFacts
            {
                DueDate = action.DueDate,
                IsComplete = isComplete,
                IsEmbeddedConfirmed = action.EmbeddedConfirmedOn is not null,
                LastApprovedUpdateOn = action.LatestAsAt,
                ProposedRag = action.LatestAsAt is null ? null : action.LatestRag,
                OverrideRag = action.DeliveryRagOverride,
                OverrideReason = action.DeliveryRagOverrideReason,
            };
            ratings[action.Id] = new ActionRating(
                ActionDeliveryRag.Rate(facts, asAt, settings),
                Staleness.IsStale(action.LatestAsAt, isComplete, asAt, settings),
                action.LatestAsAt);
        }

        return ratings;
    }

    /// <summary>One action of the plan rated as at <paramref name="asAt"/>; null when the plan has no such action.</summary>
    public async Task<ActionRating?> ForActionAsync(int planId, int actionId, DateOnly asAt, CancellationToken cancellationToken = default) =>
        (await ForPlanAsync(planId, [actionId], asAt, cancellationToken)).GetValueOrDefault(actionId);

    /// <summary>
    /// The latest approved update of each of the plan's priorities (all, or only <paramref name="priorityIds"/>)
    /// as at <paramref name="asAt"/>; priorities with none are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, LatestApprovedUpdate>> LatestForPrioritiesAsync(int planId,
        IReadOnlyCollection<int>? priorityIds, DateOnly asAt, CancellationToken cancellationToken = default)
    {
        var priorities = db.Priorities.AsNoTracking().Where(p => p.PlanId == planId);
        if (priorityIds is not null)
        {
            if (priorityIds.Count == 0)
            {
                return new Dictionary<int, LatestApprovedUpdate>();
            }

            priorities = priorities.Where(p => priorityIds.Contains(p.Id));
        }

        var cutOff = EndOfDayUtc(asAt);
        var approved = db.ProgressUpdates.Where(u => u.State == UpdateState.Approved && u.ReviewedAtUtc < cutOff);
        var rows = await priorities
            .Select(p => new
            {
                p.Id,
                LatestId = approved.Where(u => u.PriorityId == p.Id)
                    .OrderByDescending(u => u.AsAt).ThenByDescending(u => u.ReviewedAtUtc).ThenByDescending(u => u.Id)
                    .Select(u => (int?)u.Id).FirstOrDefault(),
            })
            .Where(p => p.LatestId != null)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.LatestId!.Value).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<int, LatestApprovedUpdate>();
        }

        var updates = await db.ProgressUpdates.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.PriorityId != null && db.Priorities.Any(p => p.Id == u.PriorityId && p.PlanId == planId))
            .Select(u => new { u.Id, PriorityId = u.PriorityId!.Value, u.AsAt, u.ProposedDeliveryRag })
            .ToListAsync(cancellationToken);
        return updates.ToDictionary(u => u.PriorityId, u => new LatestApprovedUpdate(u.Id, u.AsAt, u.ProposedDeliveryRag));
    }

    /// <summary>The first instant (UTC) after <paramref name="date"/> ends in UK time: approvals before it count.</summary>
    public static DateTime EndOfDayUtc(DateOnly date)
    {
        var nextMidnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(nextMidnight, Clock.UkTime);
    }
}

/// <summary>Counts of ratings, for the totals shown on the overview and in reports.</summary>
public sealed record RagTotals(int Red, int Amber, int Green, int Blue)
{
    public int Total => Red + Amber + Green + Blue;

    public static RagTotals Of(IEnumerable<Rag> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var list = ratings.ToList();
        return new RagTotals(
            list.Count(r => r == Rag.Red),
            list.Count(r => r == Rag.Amber),
            list.Count(r => r == Rag.Green),
            list.Count(r => r == Rag.Blue));
    }

    public int this[Rag rag] => rag switch
    {
        Rag.Red => Red,
        Rag.Amber => Amber,
        Rag.Green => Green,
        Rag.Blue => Blue,
        _ => 0,
    };
}
