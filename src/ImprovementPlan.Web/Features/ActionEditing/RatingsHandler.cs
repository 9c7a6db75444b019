using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Shared;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.ActionEditing;

/// <summary>Shows and saves the Service Director's ratings of an action: delivery override, impact, complete and embedded.</summary>
public sealed class RatingsHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan, ActionRatings ratings, TimeProvider clock)
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

        try
        {
            action.OverrideDeliveryRag(form.DeliveryOverrideRag, form.OverrideReason?.Trim());
            action.RateImpact(form.ImpactRating, string.IsNullOrWhiteSpace(form.ImpactNote) ? null : form.ImpactNote.Trim());
        }
        catch (DomainRuleException e)
        {
            modelState.AddModelError(nameof(RatingsForm.DeliveryOverride), e.Message);
            return false;
        }

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
}
