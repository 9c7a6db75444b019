using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Reports.AsAt;
using ImprovementPlan.Web.Features.Shared;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.ActionEditing;

/// <summary>Shows and saves the Service Director's ratings of an action: delivery override, impact, complete and embedded.</summary>
public sealed class RatingsHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan, ActionRatings ratings, TimeProvider clock, PlanAsAtQuery asAt,
    UserManager<ApplicationUser> users, CurrentUser currentUser, RagSettings settings)
{
    /// <summary>The page, with <paramref name="posted"/> in the form if given, else the saved ratings; null when there is no such action.</summary>
    public async Task<RatingsForm?> PageAsync(string reference, RatingsForm? posted, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        var wanted = reference.ToUpperInvariant();
        var action = await db.Actions.AsNoTracking().SingleOrDefaultAsync(a => a.PlanId == planId && a.Reference == wanted, ct);
        if (action is null)
        {
            return null;
        }

        var rating = await ratings.ForActionAsync(planId, action.Id, clock.Today(), ct)
            ?? throw new InvalidOperationException($"Action {action.Id} has no rating.");
        var proposed = await db.ProgressUpdates.AsNoTracking()
            .Where(u => u.ActionId == action.Id && u.State == UpdateState.Approved && u.ProposedImpactRag != null)
            .OrderByDescending(u => u.AsAt).ThenByDescending(u => u.Id)
            .Select(u => new { u.ProposedImpactRag, u.AsAt })
            .FirstOrDefaultAsync(ct);

        var form = posted ?? new RatingsForm
        {
            DeliveryOverride = action.DeliveryRagOverride?.ToString(),
            OverrideReason = action.DeliveryRagOverrideReason,
            ImpactRag = action.ImpactRag?.ToString(),
            ImpactNote = action.ImpactRagNote,
            ConfirmEmbedded = action.EmbeddedConfirmedOn is not null,
            Version = action.Version,
        };
        form.Facts = new RatingsFacts(action.Reference, action.ActionText, action.Status, action.CompletedOn, action.EmbeddedConfirmedOn,
            rating.Delivery, proposed?.ProposedImpactRag, proposed?.AsAt);
        return form;
    }

    /// <summary>Saves the ratings; false when the form is invalid, a rule refuses it, or someone saved the action since.</summary>
    public async Task<bool> SaveAsync(string reference, RatingsForm form, ModelStateDictionary modelState, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(modelState);
        var planId = await currentPlan.IdAsync(ct);
        var wanted = reference.ToUpperInvariant();
        var action = await db.Actions.SingleAsync(a => a.PlanId == planId && a.Reference == wanted, ct);
        var before = RatingDecision.Of(action, default, null, "before");
        form.Validate(modelState);
        try
        {
            // The embedded rule is checked even when another field is wrong, so every problem shows at once.
            if (form.ConfirmEmbedded && action.EmbeddedConfirmedOn is null)
            {
                action.ConfirmEmbedded(clock.Today());
            }
            else if (!form.ConfirmEmbedded && action.EmbeddedConfirmedOn is not null)
            {
                action.WithdrawEmbeddedConfirmation();
            }
        }
        catch (DomainRuleException e)
        {
            modelState.AddModelError(nameof(RatingsForm.ConfirmEmbedded), e.Message);
        }

        if (!modelState.IsValid)
        {
            return false;
        }

        // An "override" to the rating the rules give anyway overrides nothing: it is not kept, so the
        // action follows the rules again when its facts change.
        var overrideRag = form.DeliveryOverrideRag;
        if (overrideRag is { } chosen && await ComputedTodayAsync(planId, action, ct) == chosen)
        {
            overrideRag = null;
            form.OverrideMatchedComputed = true;
        }

        try
        {
            action.OverrideDeliveryRag(overrideRag, form.OverrideReason?.Trim());
            action.RateImpact(form.ImpactRating, string.IsNullOrWhiteSpace(form.ImpactNote) ? null : form.ImpactNote.Trim());
        }
        catch (DomainRuleException e)
        {
            modelState.AddModelError(nameof(RatingsForm.DeliveryOverride), e.Message);
            return false;
        }

        await RecordDecisionAsync(action, before);
        db.Entry(action).Property(a => a.Version).OriginalValue = form.Version;
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            modelState.AddModelError(string.Empty,
                "Someone else changed this action while you were rating it. The ratings below are yours; check the saved ratings at the top of the page and save again.");
            form.Version = await db.Actions.AsNoTracking().Where(a => a.Id == action.Id).Select(a => a.Version).SingleAsync(ct);
            return false;
        }
    }

    /// <summary>The delivery rating the rules give today, with the embedded confirmation as this form leaves it and no override.</summary>
    private async Task<Rag> ComputedTodayAsync(int planId, ImprovementAction action, CancellationToken ct)
    {
        var today = clock.Today();
        var state = (await asAt.ActionAsync(planId, action.Id, today, ct))!.State;
        var facts = state.DeliveryFacts with
        {
            DueDate = action.DueDate,
            IsComplete = action.Status == ActionStatus.Complete,
            IsEmbeddedConfirmed = action.EmbeddedConfirmedOn is not null,
            OverrideRag = null,
            OverrideReason = null,
        };
        return ActionDeliveryRag.Rate(facts, today, settings).Rag;
    }

    /// <summary>Keeps the ratings as now decided in the history reports read, when anything changed.</summary>
    private async Task RecordDecisionAsync(ImprovementAction action, RatingDecision before)
    {
        var after = RatingDecision.Of(action, clock.GetUtcNow().UtcDateTime, currentUser.Id, await NameAsync());
        if (after.DeliveryOverride != before.DeliveryOverride || after.OverrideReason != before.OverrideReason
            || after.ImpactRag != before.ImpactRag || after.ImpactNote != before.ImpactNote
            || after.EmbeddedConfirmed != before.EmbeddedConfirmed)
        {
            db.RatingDecisions.Add(after);
        }
    }

    private async Task<string> NameAsync()
    {
        var user = currentUser.Id is { } id ? await users.FindByIdAsync(id) : null;
        return user?.DisplayName is { Length: > 0 } display ? display : currentUser.Name;
    }
}
