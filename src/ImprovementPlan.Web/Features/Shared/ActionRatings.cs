using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Shared;

/// <summary>An action's delivery rating today, with whether it has gone stale.</summary>
public sealed record ActionRating(DeliveryRating Delivery, bool IsStale, DateOnly? LastApprovedUpdateOn);

/// <summary>Works out the delivery RAG and staleness of a plan's actions from the domain rules.</summary>
public sealed class ActionRatings(ImprovementPlanDbContext db, TimeProvider clock, RagSettings settings)
{
    public async Task<IReadOnlyDictionary<int, ActionRating>> ForPlanAsync(int planId, CancellationToken cancellationToken = default)
    {
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == planId)
            .Select(a => new
            {
                a.Id,
                a.DueDate,
                a.Status,
                a.EmbeddedConfirmedOn,
                a.DeliveryRagOverride,
                a.DeliveryRagOverrideReason,
            })
            .ToListAsync(cancellationToken);

        var approved = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.ActionId != null && u.State == UpdateState.Approved)
            .Select(u => new { ActionId = u.ActionId!.Value, u.AsAt, u.ReviewedAtUtc, u.ProposedDeliveryRag })
            .ToListAsync(cancellationToken);
        var latestByAction = approved
            .GroupBy(u => u.ActionId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(u => u.AsAt).ThenByDescending(u => u.ReviewedAtUtc).First());

        var today = clock.Today();
        var ratings = new Dictionary<int, ActionRating>(actions.Count);
        foreach (var action in actions)
        {
            var latest = latestByAction.GetValueOrDefault(action.Id);
            var isComplete = action.Status == ActionStatus.Complete;
            var facts = new ActionDeliveryFacts
            {
                DueDate = action.DueDate,
                IsComplete = isComplete,
                IsEmbeddedConfirmed = action.EmbeddedConfirmedOn is not null,
                LastApprovedUpdateOn = latest?.AsAt,
                ProposedRag = latest?.ProposedDeliveryRag,
                OverrideRag = action.DeliveryRagOverride,
                OverrideReason = action.DeliveryRagOverrideReason,
            };
            ratings[action.Id] = new ActionRating(
                ActionDeliveryRag.Rate(facts, today, settings),
                Staleness.IsStale(latest?.AsAt, isComplete, today, settings),
                latest?.AsAt);
        }

        return ratings;
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
