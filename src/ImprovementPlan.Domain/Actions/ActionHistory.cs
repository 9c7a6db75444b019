using ImprovementPlan.Domain.Rag;

namespace ImprovementPlan.Domain.Actions;

/// <summary>An approved progress update on an action, as the "as at" rules need it.</summary>
/// <param name="ApprovedOn">The day the Service Director approved it (UK date).</param>
/// <param name="AsAt">The date the update speaks for.</param>
/// <param name="ProposedRag">The delivery rating it proposed, if any.</param>
/// <param name="ProposedStatus">The status it proposed, if any.</param>
public sealed record ApprovedProgress(DateOnly ApprovedOn, DateOnly AsAt, Rag.Rag? ProposedRag, ActionStatus? ProposedStatus);

/// <summary>An approved move of an action's due date.</summary>
public sealed record DueDateMove(DateOnly ApprovedOn, DateOnly ToDate);

/// <summary>The Service Director's ratings as saved on a day (see <see cref="RatingDecision"/>).</summary>
public sealed record RatingsDecided(DateOnly DecidedOn, Rag.Rag? DeliveryOverride, string? OverrideReason, Rag.Rag? ImpactRag,
    bool EmbeddedConfirmed);

/// <summary>
/// The ratings an action holds with no <see cref="RatingDecision"/> history behind them (set before the
/// history was kept): they are known to stand from <see cref="KnownFrom"/> on, and are not assumed earlier.
/// </summary>
public sealed record UnrecordedRatings(DateOnly KnownFrom, Rag.Rag? DeliveryOverride, string? OverrideReason, Rag.Rag? ImpactRag,
    DateOnly? EmbeddedConfirmedOn);

/// <summary>An action as it stood on one date.</summary>
public sealed record ActionAsAt(
    DateOnly Date,
    DateOnly? DueDate,
    ActionStatus Status,
    DateOnly? CompletedOn,
    bool IsEmbeddedConfirmed,
    DateOnly? LastApprovedUpdateOn,
    Rag.Rag? ProposedRag,
    Rag.Rag? OverrideRag,
    string? OverrideReason,
    Rag.Rag? ImpactRag)
{
    public bool IsComplete => Status == ActionStatus.Complete;

    public ActionDeliveryFacts DeliveryFacts => new()
    {
        DueDate = DueDate,
        IsComplete = IsComplete,
        IsEmbeddedConfirmed = IsEmbeddedConfirmed,
        LastApprovedUpdateOn = LastApprovedUpdateOn,
        ProposedRag = ProposedRag,
        OverrideRag = OverrideRag,
        OverrideReason = OverrideReason,
    };

    /// <summary>The delivery rating worked out for <see cref="Date"/>.</summary>
    public DeliveryRating Delivery(RagSettings settings) => ActionDeliveryRag.Rate(DeliveryFacts, Date, settings);

    /// <summary>Whether the action had gone stale by <see cref="Date"/>.</summary>
    public bool IsStale(RagSettings settings) => Staleness.IsStale(LastApprovedUpdateOn, IsComplete, Date, settings);

    public bool IsOverdue => !IsComplete && DueDate is { } due && due < Date;
}

/// <summary>
/// What the app records about an action over time: the plan's first due date and the approved moves,
/// the approved updates, and the Service Director's rating decisions. <see cref="At"/> replays them to
/// the state the action was in on a given date, so a report for a past date reads as it would have then.
/// </summary>
public sealed record ActionHistory
{
    public DateOnly? OriginalDueDate { get; init; }

    public IReadOnlyList<DueDateMove> DueDateMoves { get; init; } = [];

    /// <summary>Approved updates, in the order they were approved.</summary>
    public IReadOnlyList<ApprovedProgress> ApprovedUpdates { get; init; } = [];

    /// <summary>Rating decisions, in the order they were made.</summary>
    public IReadOnlyList<RatingsDecided> RatingDecisions { get; init; } = [];

    /// <summary>Ratings on the action with no decision history behind them; used only when <see cref="RatingDecisions"/> is empty.</summary>
    public UnrecordedRatings? Unrecorded { get; init; }

    /// <summary>The action as it stood at the end of <paramref name="date"/>: only what had been approved or decided by then counts.</summary>
    public ActionAsAt At(DateOnly date)
    {
        var dueDate = DueDateMoves.Where(m => m.ApprovedOn <= date).OrderBy(m => m.ApprovedOn).LastOrDefault() is { } move
            ? move.ToDate
            : OriginalDueDate;

        // Status moves as RecordApprovedProgress moves it, one approval at a time.
        var approved = ApprovedUpdates.Where(u => u.ApprovedOn <= date).OrderBy(u => u.ApprovedOn).ToList();
        var status = ActionStatus.NotYetReported;
        DateOnly? completedOn = null;
        foreach (var update in approved)
        {
            if (update.ProposedStatus is { } proposed && proposed != status && proposed != ActionStatus.NotYetReported)
            {
                status = proposed;
                completedOn = proposed == ActionStatus.Complete ? update.AsAt : null;
            }
        }

        var latest = approved.OrderBy(u => u.AsAt).LastOrDefault();
        var (overrideRag, overrideReason, impact, embedded) = RatingsOn(date);
        return new ActionAsAt(date, dueDate, status, completedOn, embedded && status == ActionStatus.Complete, latest?.AsAt,
            latest?.ProposedRag, overrideRag, overrideReason, impact);
    }

    private (Rag.Rag? Override, string? Reason, Rag.Rag? Impact, bool Embedded) RatingsOn(DateOnly date)
    {
        if (RatingDecisions.Count > 0)
        {
            return RatingDecisions.Where(d => d.DecidedOn <= date).OrderBy(d => d.DecidedOn).LastOrDefault() is { } decision
                ? (decision.DeliveryOverride, decision.OverrideReason, decision.ImpactRag, decision.EmbeddedConfirmed)
                : (null, null, null, false);
        }

        if (Unrecorded is not { } unrecorded)
        {
            return (null, null, null, false);
        }

        var embedded = unrecorded.EmbeddedConfirmedOn is { } confirmed && confirmed <= date;
        return date >= unrecorded.KnownFrom
            ? (unrecorded.DeliveryOverride, unrecorded.OverrideReason, unrecorded.ImpactRag, embedded)
            : (null, null, null, embedded);
    }
}
