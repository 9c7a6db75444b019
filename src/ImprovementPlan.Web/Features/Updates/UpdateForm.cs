using System.ComponentModel.DataAnnotations;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using RagValue = ImprovementPlan.Domain.Rag.Rag;

namespace ImprovementPlan.Web.Features.Updates;

/// <summary>
/// What the author may post: the text, the proposals, links and files. Nothing else is bound, so
/// the author, the state and the record an update belongs to cannot be over-posted.
/// </summary>
public sealed class UpdateForm
{
    public const string NoChange = "NoChange";
    public const string SaveDraft = "Draft";
    public const string Submit = "Submit";
    public const int LinkRows = 3;

    [Required(ErrorMessage = "Enter what you have done")]
    [StringLength(10_000, ErrorMessage = "Narrative must be 10,000 characters or fewer")]
    public string? Narrative { get; set; }

    [StringLength(10_000, ErrorMessage = "What we plan to do next must be 10,000 characters or fewer")]
    public string? NextSteps { get; set; }

    [StringLength(10_000, ErrorMessage = "Evidence of impact must be 10,000 characters or fewer")]
    public string? ImpactEvidence { get; set; }

    public string? DeliveryRag { get; set; } = NoChange;

    public string? ImpactRag { get; set; } = NoChange;

    public string? Status { get; set; } = NoChange;

    [StringLength(300, ErrorMessage = "Link title must be 300 characters or fewer")]
    public string? LinkTitle1 { get; set; }

    public string? LinkUrl1 { get; set; }

    [StringLength(300, ErrorMessage = "Link title must be 300 characters or fewer")]
    public string? LinkTitle2 { get; set; }

    public string? LinkUrl2 { get; set; }

    [StringLength(300, ErrorMessage = "Link title must be 300 characters or fewer")]
    public string? LinkTitle3 { get; set; }

    public string? LinkUrl3 { get; set; }

    public List<IFormFile> Files { get; set; } = [];

    /// <summary>The version of the update the form was opened on (edits only), to detect a stale save.</summary>
    public int Version { get; set; }

    /// <summary>
    /// The one-time key written into a new-update form when it is first shown, so that posting the
    /// same form twice creates one update, not two.
    /// </summary>
    public Guid? FormKey { get; set; }

    /// <summary>Which button was pressed: "Draft" or "Submit".</summary>
    public string? Intent { get; set; }

    /// <summary>The page around the form; never bound from the request.</summary>
    [BindNever]
    [ValidateNever]
    public UpdateFormContext? Context { get; set; }

    public bool WantsSubmit => string.Equals(Intent, Submit, StringComparison.Ordinal);

    /// <summary>The link rows as typed, numbered 1 to 3, with the names of their fields.</summary>
    public IEnumerable<(int Row, string? Title, string? Url)> Links() =>
        [(1, LinkTitle1, LinkUrl1), (2, LinkTitle2, LinkUrl2), (3, LinkTitle3, LinkUrl3)];

    public static UpdateForm From(ProgressUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new UpdateForm
        {
            Narrative = update.Narrative,
            NextSteps = update.NextSteps,
            ImpactEvidence = update.ImpactEvidence,
            DeliveryRag = update.ProposedDeliveryRag?.ToString() ?? NoChange,
            ImpactRag = update.ProposedImpactRag?.ToString() ?? NoChange,
            Status = update.ProposedStatus?.ToString() ?? NoChange,
            Version = update.Version,
        };
    }

    public static IEnumerable<SelectListItem> RagChoices() =>
        [
            new("Red", nameof(RagValue.Red)),
            new("Amber", nameof(RagValue.Amber)),
            new("Green", nameof(RagValue.Green)),
            new("No change", NoChange),
        ];

    public static IEnumerable<SelectListItem> StatusChoices() =>
        [
            new(RagDisplay.Status(ActionStatus.NotStarted), nameof(ActionStatus.NotStarted)),
            new(RagDisplay.Status(ActionStatus.InProgress), nameof(ActionStatus.InProgress)),
            new(RagDisplay.Status(ActionStatus.Complete), nameof(ActionStatus.Complete)),
            new("No change", NoChange),
        ];

    /// <summary>A proposed rating: null for "No change"; false if the value is not one offered.</summary>
    public static bool TryParseRag(string? value, out RagValue? rag)
    {
        rag = null;
        return value switch
        {
            null or "" or NoChange => true,
            nameof(RagValue.Red) => Set(RagValue.Red, out rag),
            nameof(RagValue.Amber) => Set(RagValue.Amber, out rag),
            nameof(RagValue.Green) => Set(RagValue.Green, out rag),
            _ => false,
        };
    }

    public static bool TryParseStatus(string? value, out ActionStatus? status)
    {
        status = null;
        switch (value)
        {
            case null or "" or NoChange:
                return true;
            case nameof(ActionStatus.NotStarted):
                status = ActionStatus.NotStarted;
                return true;
            case nameof(ActionStatus.InProgress):
                status = ActionStatus.InProgress;
                return true;
            case nameof(ActionStatus.Complete):
                status = ActionStatus.Complete;
                return true;
            default:
                return false;
        }
    }

    private static bool Set(RagValue value, out RagValue? rag)
    {
        rag = value;
        return true;
    }
}
