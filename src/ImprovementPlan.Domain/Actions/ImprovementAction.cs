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

    /// <summary>The senior responsible officer as a person (an identity user id), where they have an account; <see cref="SeniorResponsibleOfficer"/> is the job title shown.</summary>
    public string? SeniorResponsibleUserId { get; private set; }

    /// <summary>The action of an earlier plan this one was copied from, if any.</summary>
    public int? CopiedFromActionId { get; private set; }

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

    /// <summary>Rewrites the plan's columns (not the due date, which moves only by an approved change).</summary>
    public void Edit(int workstreamId, ActionColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentException.ThrowIfNullOrWhiteSpace(columns.ActionText);
        WorkstreamId = workstreamId;
        ActionText = columns.ActionText;
        LinkTo = columns.LinkTo;
        Timeframe = columns.Timeframe;
        Outcome = columns.Outcome;
        HowWillWeKnow = columns.HowWillWeKnow;
        WhatSuccessLooksLike = columns.WhatSuccessLooksLike;
        SeniorResponsibleOfficer = columns.SeniorResponsibleOfficer;
        LeadOfficer = columns.LeadOfficer;
    }

    public void ReplacePriorities(IEnumerable<Priority> priorities)
    {
        ArgumentNullException.ThrowIfNull(priorities);
        _priorities.Clear();
        _priorities.AddRange(priorities.Distinct());
    }

    public void ReplaceSourceReviews(IEnumerable<SourceReview> reviews)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        _sourceReviews.Clear();
        _sourceReviews.AddRange(reviews.Distinct());
    }

    /// <summary>
    /// Applies the status an approved progress update proposed. An action can be marked complete
    /// only by an approved update that carries evidence.
    /// </summary>
    public void RecordApprovedProgress(ActionStatus? proposedStatus, DateOnly asAt, bool updateHasEvidence)
    {
        if (proposedStatus is null || proposedStatus == Status)
        {
            return;
        }

        if (proposedStatus == ActionStatus.Complete && !updateHasEvidence)
        {
            throw new DomainRuleException("An action can be marked complete only by an update that carries evidence.");
        }

        if (proposedStatus == ActionStatus.NotYetReported)
        {
            throw new DomainRuleException("An update cannot set an action back to not yet reported.");
        }

        Status = proposedStatus.Value;
        CompletedOn = Status == ActionStatus.Complete ? asAt : null;
        if (Status != ActionStatus.Complete)
        {
            EmbeddedConfirmedOn = null;
        }
    }

    /// <summary>The Service Director confirms the action is complete and embedded: it rates Blue.</summary>
    public void ConfirmEmbedded(DateOnly on)
    {
        if (Status != ActionStatus.Complete)
        {
            throw new DomainRuleException("Only a complete action can be confirmed as complete and embedded.");
        }

        EmbeddedConfirmedOn = on;
    }

    public void WithdrawEmbeddedConfirmation() => EmbeddedConfirmedOn = null;

    /// <summary>Sets (or, with null, clears) the Service Director's delivery rating, which replaces the computed one.</summary>
    public void OverrideDeliveryRag(Rag.Rag? rag, string? reason)
    {
        if (rag is not null && string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Give a reason for overriding the delivery rating.");
        }

        DeliveryRagOverride = rag;
        DeliveryRagOverrideReason = rag is null ? null : reason;
    }

    /// <summary>Confirms the impact rating: is there evidence the action makes the difference it promised?</summary>
    public void RateImpact(Rag.Rag? rag, string? note)
    {
        ImpactRag = rag;
        ImpactRagNote = rag is null ? null : note;
    }

    /// <summary>Changes the senior responsible officer: the person, where they have an account, and the job title shown.</summary>
    public void ChangeSeniorResponsible(string? jobTitle, string? userId)
    {
        SeniorResponsibleOfficer = jobTitle;
        SeniorResponsibleUserId = userId;
    }

    /// <summary>Hands the action's leadership from one person to another (when the first leaves), keeping the job titles.</summary>
    public void HandOver(string fromUserId, string toUserId)
    {
        if (LeadUserId == fromUserId)
        {
            LeadUserId = toUserId;
        }

        if (SeniorResponsibleUserId == fromUserId)
        {
            SeniorResponsibleUserId = toUserId;
        }
    }

    /// <summary>
    /// A copy of this action for a new plan: the same columns, leads and links' places, not yet reported
    /// on, and linked back to this one.
    /// </summary>
    public ImprovementAction CopyTo(int planId, int workstreamId)
    {
        var copy = new ImprovementAction(planId, workstreamId, Reference, Sequence, new ActionColumns(ActionText, LinkTo, Timeframe, DueDate,
            Outcome, HowWillWeKnow, WhatSuccessLooksLike, SeniorResponsibleOfficer, LeadOfficer, TranscriptionNote))
        {
            LeadUserId = LeadUserId,
            SeniorResponsibleUserId = SeniorResponsibleUserId,
            CopiedFromActionId = Id,
        };
        return copy;
    }

    /// <summary>Open actions are carried into a copy of the plan; complete ones stay behind.</summary>
    public bool IsOpen => Status != ActionStatus.Complete;

    /// <summary>Changes who leads the action: the plan's job title and, optionally, the signed-in user.</summary>
    public void ChangeLead(string? leadOfficer, string? leadUserId)
    {
        LeadOfficer = leadOfficer;
        LeadUserId = leadUserId;
    }
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
