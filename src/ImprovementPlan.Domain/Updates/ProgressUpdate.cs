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
        string narrative, DateTime createdAtUtc)
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
        State = UpdateState.Draft;
    }

    public static ProgressUpdate DraftOnAction(int actionId, string? authorUserId, string authorName, DateOnly asAt,
        string narrative, DateTime createdAtUtc) =>
        new(actionId, null, authorUserId, authorName, asAt, narrative, createdAtUtc);

    public static ProgressUpdate DraftOnPriority(int priorityId, string? authorUserId, string authorName, DateOnly asAt,
        string narrative, DateTime createdAtUtc) =>
        new(null, priorityId, authorUserId, authorName, asAt, narrative, createdAtUtc);

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

    public DateTime? SubmittedAtUtc { get; private set; }

    public string? ReviewerUserId { get; private set; }

    public string? ReviewerName { get; private set; }

    public DateTime? ReviewedAtUtc { get; private set; }

    public string? ReviewComment { get; private set; }

    public IReadOnlyCollection<Evidence> Evidence => _evidence;

    public void Submit(DateTime nowUtc)
    {
        if (State is not (UpdateState.Draft or UpdateState.Returned))
        {
            throw new InvalidOperationException($"An update that is {State} cannot be submitted.");
        }

        State = UpdateState.Submitted;
        SubmittedAtUtc = nowUtc;
    }

    public void Approve(string? reviewerUserId, string reviewerName, DateTime nowUtc, string? comment = null)
    {
        if (State != UpdateState.Submitted)
        {
            throw new InvalidOperationException($"An update that is {State} cannot be approved.");
        }

        State = UpdateState.Approved;
        ReviewerUserId = reviewerUserId;
        ReviewerName = reviewerName;
        ReviewedAtUtc = nowUtc;
        ReviewComment = comment;
    }

    public void Return(string? reviewerUserId, string reviewerName, DateTime nowUtc, string comment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(comment);
        if (State != UpdateState.Submitted)
        {
            throw new InvalidOperationException($"An update that is {State} cannot be returned.");
        }

        State = UpdateState.Returned;
        ReviewerUserId = reviewerUserId;
        ReviewerName = reviewerName;
        ReviewedAtUtc = nowUtc;
        ReviewComment = comment;
    }
}
