using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Updates;

public enum UpdateState
{
    Draft = 0,
    Submitted = 1,
    Approved = 2,
    Returned = 3,
}

/// <summary>
/// A progress update on an action or on a priority (exactly one of the two), moving through
/// draft → submitted → approved or returned with a comment.
/// </summary>
public class ProgressUpdate : Entity
{
    private readonly List<Evidence> _evidence = [];

    private ProgressUpdate()
    {
        AuthorName = Narrative = string.Empty;
    }

    private ProgressUpdate(int? actionId, int? priorityId, string? authorUserId, string authorName, DateOnly asAt,
        string narrative, DateTime createdAtUtc, Guid? formKey)
    {
        if ((actionId is null) == (priorityId is null))
        {
            throw new ArgumentException("An update belongs to exactly one action or one priority.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(authorName);
        ArgumentException.ThrowIfNullOrWhiteSpace(narrative);
        ActionId = actionId;
        PriorityId = priorityId;
        AuthorUserId = authorUserId;
        AuthorName = authorName;
        AsAt = asAt;
        Narrative = narrative;
        CreatedAtUtc = createdAtUtc;
        FormKey = formKey;
        State = UpdateState.Draft;
    }

    public static ProgressUpdate DraftOnAction(int actionId, string? authorUserId, string authorName, DateOnly asAt,
        string narrative, DateTime createdAtUtc, Guid? formKey = null) =>
        new(actionId, null, authorUserId, authorName, asAt, narrative, createdAtUtc, formKey);

    public static ProgressUpdate DraftOnPriority(int priorityId, string? authorUserId, string authorName, DateOnly asAt,
        string narrative, DateTime createdAtUtc, Guid? formKey = null) =>
        new(null, priorityId, authorUserId, authorName, asAt, narrative, createdAtUtc, formKey);

    public int? ActionId { get; private set; }

    public int? PriorityId { get; private set; }

    public string? AuthorUserId { get; private set; }

    /// <summary>The author's name or job title as shown in timelines and reports.</summary>
    public string AuthorName { get; private set; }

    /// <summary>The date the update speaks for.</summary>
    public DateOnly AsAt { get; private set; }

    /// <summary>What we have done (for seeded updates: the report's bullet, verbatim).</summary>
    public string Narrative { get; private set; }

    public string? NextSteps { get; private set; }

    public string? ImpactEvidence { get; private set; }

    public Rag.Rag? ProposedDeliveryRag { get; private set; }

    public Rag.Rag? ProposedImpactRag { get; private set; }

    public ActionStatus? ProposedStatus { get; private set; }

    public UpdateState State { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>
    /// The one-time key of the form that created the update, when it came from one: the same form
    /// posted twice (a double click, or Back and save again) finds this update instead of creating a second.
    /// </summary>
    public Guid? FormKey { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public string? ReviewerUserId { get; private set; }

    public string? ReviewerName { get; private set; }

    public DateTime? ReviewedAtUtc { get; private set; }

    public string? ReviewComment { get; private set; }

    public IReadOnlyCollection<Evidence> Evidence => _evidence;

    /// <summary>Its author may still change it: a draft, or an update the Service Director returned.</summary>
    public bool IsEditable => State is UpdateState.Draft or UpdateState.Returned;

    public bool HasEvidence => _evidence.Count > 0;

    public bool IsOnAction => ActionId is not null;

    /// <summary>Rewrites the author's text and proposals while the update is a draft or returned.</summary>
    public void Revise(UpdateContent content, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(content.Narrative);
        EnsureEditable("changed");
        if (content.ProposedStatus is not null && !IsOnAction)
        {
            throw new DomainRuleException("Only an update on an action can propose a status.");
        }

        if (content.ProposedStatus == ActionStatus.NotYetReported)
        {
            throw new DomainRuleException("An update cannot set an action back to not yet reported.");
        }

        Narrative = content.Narrative;
        NextSteps = content.NextSteps;
        ImpactEvidence = content.ImpactEvidence;
        ProposedDeliveryRag = content.ProposedDeliveryRag;
        ProposedImpactRag = content.ProposedImpactRag;
        ProposedStatus = content.ProposedStatus;
        AsAt = asAt;
    }

    /// <summary>Attaches a file or link while the update is a draft or returned.</summary>
    public void AttachEvidence(Evidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        EnsureEditable("given more evidence");
        if (evidence.ProgressUpdateId != 0 && evidence.ProgressUpdateId != Id)
        {
            throw new ArgumentException("This evidence belongs to another update.", nameof(evidence));
        }

        _evidence.Add(evidence);
    }

    /// <summary>Removes an item of evidence while the update is a draft or returned; returns what was removed.</summary>
    public Evidence RemoveEvidence(int evidenceId)
    {
        EnsureEditable("have its evidence removed");
        var evidence = _evidence.SingleOrDefault(e => e.Id == evidenceId)
            ?? throw new DomainRuleException("That evidence is not attached to this update.");
        _evidence.Remove(evidence);
        return evidence;
    }

    /// <summary>What stops the update being submitted as it stands, or null when nothing does.</summary>
    public string? SubmitRefusal => ProposedStatus == ActionStatus.Complete && !HasEvidence ? CompleteNeedsEvidence : null;

    /// <summary>
    /// An action is marked complete only by an approved update with evidence, so an update proposing
    /// "complete" without evidence is refused here, where its author can still add some, rather than
    /// leaving the Service Director unable to approve it.
    /// </summary>
    public const string CompleteNeedsEvidence =
        "Attach evidence to mark the action complete, or choose another status";

    /// <summary>Only a draft, never submitted, may be deleted by its author: anything the Service Director has seen stays.</summary>
    public bool IsDeletable => State == UpdateState.Draft && SubmittedAtUtc is null;

    /// <summary>Checks the update may be deleted; throws with the reason when it may not.</summary>
    public void EnsureDeletable()
    {
        if (!IsDeletable)
        {
            throw new DomainRuleException($"This update cannot be deleted: it has been {Describe(State)}.");
        }
    }

    public void Submit(DateTime nowUtc)
    {
        if (!IsEditable)
        {
            throw new DomainRuleException($"This update has already been {Describe(State)}.");
        }

        if (SubmitRefusal is { } refusal)
        {
            throw new DomainRuleException(refusal);
        }

        State = UpdateState.Submitted;
        SubmittedAtUtc = nowUtc;
    }

    public void Approve(string? reviewerUserId, string reviewerName, DateTime nowUtc, string? comment = null)
    {
        EnsureSubmitted("approved");
        State = UpdateState.Approved;
        ReviewerUserId = reviewerUserId;
        ReviewerName = reviewerName;
        ReviewedAtUtc = nowUtc;
        ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment;
    }

    /// <summary>Sends the update back to its author with a comment saying what needs to change.</summary>
    public void Return(string? reviewerUserId, string reviewerName, DateTime nowUtc, string comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainRuleException("Enter a comment saying what needs to change");
        }

        EnsureSubmitted("returned");
        State = UpdateState.Returned;
        ReviewerUserId = reviewerUserId;
        ReviewerName = reviewerName;
        ReviewedAtUtc = nowUtc;
        ReviewComment = comment;
    }

    private void EnsureEditable(string what)
    {
        if (!IsEditable)
        {
            throw new DomainRuleException($"This update cannot be {what}: it has been {Describe(State)}.");
        }
    }

    private void EnsureSubmitted(string what)
    {
        if (State != UpdateState.Submitted)
        {
            throw new DomainRuleException(State == UpdateState.Draft
                ? $"This update cannot be {what}: it is a draft that has not been submitted."
                : $"This update cannot be {what}: it has been {Describe(State)}.");
        }
    }

    private static string Describe(UpdateState state) => state switch
    {
        UpdateState.Draft => "saved as a draft",
        UpdateState.Submitted => "submitted to the Service Director",
        UpdateState.Approved => "approved",
        UpdateState.Returned => "returned to its author",
        _ => state.ToString(),
    };
}

/// <summary>What the author writes in a progress update, with what they propose.</summary>
public sealed record UpdateContent(
    string Narrative,
    string? NextSteps,
    string? ImpactEvidence,
    Rag.Rag? ProposedDeliveryRag,
    Rag.Rag? ProposedImpactRag,
    ActionStatus? ProposedStatus);
