using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Updates;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using RagValue = ImprovementPlan.Domain.Rag.Rag;

namespace ImprovementPlan.Web.Features.Updates;

/// <summary>An item of evidence as listed on an update.</summary>
public sealed record EvidenceLine(int Id, EvidenceKind Kind, string Title, string? Url, long? SizeBytes)
{
    public static EvidenceLine From(Domain.Updates.Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new EvidenceLine(evidence.Id, evidence.Kind, evidence.Title, evidence.Url, evidence.SizeBytes);
    }
}

/// <summary>A progress update as its page shows it.</summary>
public sealed record UpdateDetails(
    int Id,
    int Version,
    UpdateRecord Record,
    UpdateState State,
    string AuthorName,
    DateOnly AsAt,
    DateTime CreatedAtUtc,
    DateTime? SubmittedAtUtc,
    string? ReviewerName,
    DateTime? ReviewedAtUtc,
    string? ReviewComment,
    string Narrative,
    string? NextSteps,
    string? ImpactEvidence,
    RagValue? ProposedDeliveryRag,
    RagValue? ProposedImpactRag,
    ActionStatus? ProposedStatus,
    IReadOnlyList<EvidenceLine> Evidence,
    bool CanChange,
    bool CanDecide)
{
    public static UpdateDetails From(ProgressUpdate update, UpdateRecord record, bool canChange, bool canDecide)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new UpdateDetails(update.Id, update.Version, record, update.State, update.AuthorName, update.AsAt, update.CreatedAtUtc,
            update.SubmittedAtUtc, update.ReviewerName, update.ReviewedAtUtc, update.ReviewComment, update.Narrative, update.NextSteps,
            update.ImpactEvidence, update.ProposedDeliveryRag, update.ProposedImpactRag, update.ProposedStatus,
            update.Evidence.OrderBy(e => e.Id).Select(EvidenceLine.From).ToList(), canChange && update.IsEditable,
            canDecide && update.State == UpdateState.Submitted);
    }

    public static string StateText(UpdateState state) => state switch
    {
        UpdateState.Draft => "Draft",
        UpdateState.Submitted => "Submitted",
        UpdateState.Approved => "Approved",
        UpdateState.Returned => "Returned",
        _ => state.ToString(),
    };

    public static string StateTagClass(UpdateState state) => state switch
    {
        UpdateState.Draft => "govuk-tag--grey",
        UpdateState.Submitted => "govuk-tag--blue",
        UpdateState.Approved => "govuk-tag--green",
        UpdateState.Returned => "govuk-tag--orange",
        _ => string.Empty,
    };
}

/// <summary>The update page: the update, and the Service Director's decision form (comment and the version decided on).</summary>
public sealed class UpdatePage
{
    [BindNever]
    [ValidateNever]
    public UpdateDetails Details { get; set; } = default!;

    public string? Comment { get; set; }

    public int Version { get; set; }
}

/// <summary>What the Service Director posts to approve or return an update.</summary>
public sealed class DecisionForm
{
    [System.ComponentModel.DataAnnotations.StringLength(4000, ErrorMessage = "Comment must be 4,000 characters or fewer")]
    public string? Comment { get; set; }

    public int Version { get; set; }
}

/// <summary>Everything the update form shows around its fields. Never bound from the request.</summary>
public sealed record UpdateFormContext(
    UpdateRecord Record,
    string Heading,
    string PostUrl,
    string CancelUrl,
    UpdateDetails? Existing = null,
    UpdateDetails? Conflict = null);
