using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Reports.AsAt;

/// <summary>An action of the plan as it stood on a date, with its delivery rating and staleness worked out for that date.</summary>
public sealed record ActionOnDate(int ActionId, ActionAsAt State, DeliveryRating Delivery, bool IsStale);

/// <summary>
/// Replays each action's recorded history (approved updates, approved due-date moves, rating
/// decisions) to a date with the domain's <see cref="ActionHistory"/>, so a report reads as the plan
/// stood on its date, whatever has been approved, moved or overridden since.
/// </summary>
public sealed class PlanAsAtQuery(ImprovementPlanDbContext db, RagSettings settings, TimeProvider clock)
{
    /// <summary>Every action of the plan as at <paramref name="date"/>, by action id.</summary>
    public async Task<IReadOnlyDictionary<int, ActionOnDate>> ActionsAsync(int planId, DateOnly date, CancellationToken ct = default)
    {
        var histories = await HistoriesAsync(planId, null, ct);
        return histories.ToDictionary(h => h.Key, h => On(h.Key, h.Value, date));
    }

    /// <summary>One action of the plan as at <paramref name="date"/>, or null when the plan has no such action.</summary>
    public async Task<ActionOnDate?> ActionAsync(int planId, int actionId, DateOnly date, CancellationToken ct = default)
    {
        var histories = await HistoriesAsync(planId, actionId, ct);
        return histories.TryGetValue(actionId, out var history) ? On(actionId, history, date) : null;
    }

    private ActionOnDate On(int actionId, ActionHistory history, DateOnly date)
    {
        var state = history.At(date);
        return new ActionOnDate(actionId, state, state.Delivery(settings), state.IsStale(settings));
    }

    private async Task<Dictionary<int, ActionHistory>> HistoriesAsync(int planId, int? onlyActionId, CancellationToken ct)
    {
        var actions = db.Actions.AsNoTracking().Where(a => a.PlanId == planId);
        if (onlyActionId is { } id)
        {
            actions = actions.Where(a => a.Id == id);
        }

        var rows = await actions
            .Select(a => new
            {
                a.Id,
                a.OriginalDueDate,
                a.DeliveryRagOverride,
                a.DeliveryRagOverrideReason,
                a.ImpactRag,
                a.EmbeddedConfirmedOn,
            })
            .ToListAsync(ct);
        var ids = rows.Select(a => a.Id).ToList();

        var updates = (await db.ProgressUpdates.AsNoTracking()
                .Where(u => u.ActionId != null && ids.Contains(u.ActionId.Value) && u.State == UpdateState.Approved)
                .Select(u => new { ActionId = u.ActionId!.Value, u.AsAt, u.ReviewedAtUtc, u.ProposedDeliveryRag, u.ProposedStatus })
                .ToListAsync(ct))
            .OrderBy(u => u.ReviewedAtUtc)
            .ToLookup(u => u.ActionId, u => new ApprovedProgress(Day(u.ReviewedAtUtc) ?? u.AsAt, u.AsAt, u.ProposedDeliveryRag, u.ProposedStatus));

        var moves = (await db.DueDateChanges.AsNoTracking()
                .Where(c => ids.Contains(c.ActionId) && c.State == DueDateChangeState.Approved)
                .Select(c => new { c.ActionId, c.DecidedAtUtc, c.ToDate })
                .ToListAsync(ct))
            .OrderBy(c => c.DecidedAtUtc)
            .ToLookup(c => c.ActionId, c => new DueDateMove(Day(c.DecidedAtUtc) ?? DateOnly.MaxValue, c.ToDate));

        var decisions = (await db.RatingDecisions.AsNoTracking()
                .Where(d => ids.Contains(d.ActionId))
                .Select(d => new { d.ActionId, d.DecidedAtUtc, d.Id, d.DeliveryOverride, d.OverrideReason, d.ImpactRag, d.EmbeddedConfirmed })
                .ToListAsync(ct))
            .OrderBy(d => d.DecidedAtUtc).ThenBy(d => d.Id)
            .ToLookup(d => d.ActionId,
                d => new RatingsDecided(Day(d.DecidedAtUtc)!.Value, d.DeliveryOverride, d.OverrideReason, d.ImpactRag, d.EmbeddedConfirmed));

        // Ratings set before decisions were recorded are known only from today (see ADR 0011).
        var today = clock.Today();
        return rows.ToDictionary(a => a.Id, a => new ActionHistory
        {
            OriginalDueDate = a.OriginalDueDate,
            DueDateMoves = [.. moves[a.Id]],
            ApprovedUpdates = [.. updates[a.Id]],
            RatingDecisions = [.. decisions[a.Id]],
            Unrecorded = new UnrecordedRatings(today, a.DeliveryRagOverride, a.DeliveryRagOverrideReason, a.ImpactRag, a.EmbeddedConfirmedOn),
        });
    }

    /// <summary>The UK date of a stored UTC time.</summary>
    private static DateOnly? Day(DateTime? utc) => utc is { } at ? DateOnly.FromDateTime(at.ToUkTime()) : null;
}
