using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Plans;

namespace ImprovementPlan.Domain.Actions;

/// <summary>One row of the plan's action table (LG1 … E57), with its delivery state and ratings.</summary>
public class ImprovementAction : Entity
{
    private readonly List<Priority> _priorities = [];
    private readonly List<SourceReview> _sourceReviews = [];

    private ImprovementAction()
    {
        Reference = ActionText = string.Empty;
    }

    public ImprovementAction(int planId, int workstreamId, string reference, int sequence, ActionColumns columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentException.ThrowIfNullOrWhiteSpace(columns.ActionText);
        PlanId = planId;
        WorkstreamId = workstreamId;
        Reference = reference;
        Sequence = sequence;
        ActionText = columns.ActionText;
        LinkTo = columns.LinkTo;
        Timeframe = columns.Timeframe;
        OriginalDueDate = columns.DueDate;
        DueDate = columns.DueDate;
        Outcome = columns.Outcome;
        HowWillWeKnow = columns.HowWillWeKnow;
        WhatSuccessLooksLike = columns.WhatSuccessLooksLike;
        SeniorResponsibleOfficer = columns.SeniorResponsibleOfficer;
        LeadOfficer = columns.LeadOfficer;
        TranscriptionNote = columns.TranscriptionNote;
        Status = ActionStatus.NotYetReported;
    }

    public int PlanId { get; private set; }

    public int WorkstreamId { get; private set; }

    public Workstream? Workstream { get; private set; }

    /// <summary>The plan's reference, e.g. "QP21": unique within a plan and used in URLs.</summary>
    public string Reference { get; private set; }

    /// <summary>Position in the plan document, so lists and exports keep the council's order.</summary>
    public int Sequence { get; private set; }

    /// <summary>The LINK TO cell exactly as printed in the plan.</summary>
    public string? LinkTo { get; private set; }

    public string ActionText { get; private set; }

    /// <summary>The TIMEFRAME cell as printed (usually a date, occasionally words).</summary>
    public string? Timeframe { get; private set; }

    /// <summary>The due date the plan first set; kept so slippage stays visible.</summary>
    public DateOnly? OriginalDueDate { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public string? Outcome { get; private set; }

    public string? HowWillWeKnow { get; private set; }

    public string? WhatSuccessLooksLike { get; private set; }

    public string? SeniorResponsibleOfficer { get; private set; }

    /// <summary>The lead officer's job title as the plan names it.</summary>
    public string? LeadOfficer { get; private set; }

    /// <summary>The signed-in user who leads this action (an identity user id), if assigned.</summary>
    public string? LeadUserId { get; private set; }

    public ActionStatus Status { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    /// <summary>Set when the Service Director confirms the action is complete and embedded (Blue).</summary>
    public DateOnly? EmbeddedConfirmedOn { get; private set; }

    public Rag.Rag? DeliveryRagOverride { get; private set; }

    public string? DeliveryRagOverrideReason { get; private set; }

    /// <summary>Impact rating confirmed by the Service Director: is there evidence it makes the promised difference?</summary>
    public Rag.Rag? ImpactRag { get; private set; }

    /// <summary>The Service Director's reason for the impact rating.</summary>
    public string? ImpactRagNote { get; private set; }

    /// <summary>How a judgement was made when the row was read from the council's document.</summary>
    public string? TranscriptionNote { get; private set; }

    public IReadOnlyCollection<Priority> Priorities => _priorities;

    public IReadOnlyCollection<SourceReview> SourceReviews => _sourceReviews;

    public void LinkPriority(Priority priority)
    {
        ArgumentNullException.ThrowIfNull(priority);
        if (!_priorities.Contains(priority))
        {
            _priorities.Add(priority);
        }
    }

    public void LinkSourceReview(SourceReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (!_sourceReviews.Contains(review))
        {
            _sourceReviews.Add(review);
        }
    }

    public void AssignLead(string? userId) => LeadUserId = userId;

    /// <summary>Moves the due date; only through an approved <see cref="DueDateChange"/>.</summary>
    internal void MoveDueDate(DateOnly newDate) => DueDate = newDate;
}

/// <summary>The text columns of a row of the council's action table.</summary>
public sealed record ActionColumns(
    string ActionText,
    string? LinkTo,
    string? Timeframe,
    DateOnly? DueDate,
    string? Outcome,
    string? HowWillWeKnow,
    string? WhatSuccessLooksLike,
    string? SeniorResponsibleOfficer,
    string? LeadOfficer,
    string? TranscriptionNote);
