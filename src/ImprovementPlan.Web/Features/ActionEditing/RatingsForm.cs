using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ImprovementPlan.Web.Features.ActionEditing;

/// <summary>The Service Director's ratings of an action. An empty rating means "use the computed one" or "not rated".</summary>
public sealed class RatingsForm
{
    public const int NoteLimit = 2000;

    public string? DeliveryOverride { get; set; }

    public string? OverrideReason { get; set; }

    public string? ImpactRag { get; set; }

    public string? ImpactNote { get; set; }

    public bool ConfirmEmbedded { get; set; }

    public int Version { get; set; }

    /// <summary>What the page shows beside the form (never bound).</summary>
    [BindNever]
    public RatingsFacts? Facts { get; set; }

    /// <summary>Set when the override chosen was the computed rating, so none was kept.</summary>
    [BindNever]
    public bool OverrideMatchedComputed { get; set; }

    public Rag? DeliveryOverrideRag => Parse(DeliveryOverride);

    public Rag? ImpactRating => Parse(ImpactRag);

    public void Validate(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (!string.IsNullOrEmpty(DeliveryOverride) && DeliveryOverrideRag is null)
        {
            modelState.AddModelError(nameof(DeliveryOverride), "Select a delivery rating, or use the computed rating");
        }

        if (DeliveryOverrideRag is not null && string.IsNullOrWhiteSpace(OverrideReason))
        {
            modelState.AddModelError(nameof(OverrideReason), "Enter a reason for overriding the rating");
        }

        if (OverrideReason?.Length > NoteLimit)
        {
            modelState.AddModelError(nameof(OverrideReason), "The reason must be 2,000 characters or fewer");
        }

        if (!string.IsNullOrEmpty(ImpactRag) && ImpactRating is not (Rag.Red or Rag.Amber or Rag.Green))
        {
            modelState.AddModelError(nameof(ImpactRag), "Select an impact rating of red, amber or green, or not rated");
        }

        if (ImpactNote?.Length > NoteLimit)
        {
            modelState.AddModelError(nameof(ImpactNote), "The note must be 2,000 characters or fewer");
        }
    }

    private static Rag? Parse(string? value) =>
        Enum.TryParse<Rag>(value, ignoreCase: false, out var rag) && Enum.IsDefined(rag) && !int.TryParse(value, out _) ? rag : null;
}

/// <summary>What the ratings page shows beside the form: what the rules compute and what the latest approved update proposed.</summary>
public sealed record RatingsFacts(
    string Reference,
    string ActionText,
    ActionStatus Status,
    DateOnly? CompletedOn,
    DateOnly? EmbeddedConfirmedOn,
    DeliveryRating Delivery,
    Rag? ProposedImpactRag,
    DateOnly? ProposedImpactOn)
{
    public static IReadOnlyList<SelectListItem> DeliveryChoices =>
        [new("Use the computed rating", ""), .. RagDisplay.InOrder.Select(r => new SelectListItem(RagDisplay.Word(r), r.ToString()))];

    public static IReadOnlyList<SelectListItem> ImpactChoices =>
        [new("Not rated", ""), .. new[] { Rag.Red, Rag.Amber, Rag.Green }.Select(r => new SelectListItem(RagDisplay.Word(r), r.ToString()))];
}
