namespace ImprovementPlan.Domain.Actions;

/// <summary>
/// The Service Director's ratings of an action as saved at one moment: delivery override, impact
/// rating and the "complete and embedded" confirmation. Kept as a history (never changed), so a report
/// for a past date shows the ratings that stood on that date.
/// </summary>
public class RatingDecision
{
    private RatingDecision()
    {
        DecidedByName = string.Empty;
    }

    public RatingDecision(int actionId, Rag.Rag? deliveryOverride, string? overrideReason, Rag.Rag? impactRag, string? impactNote,
        bool embeddedConfirmed, DateTime decidedAtUtc, string? decidedByUserId, string decidedByName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedByName);
        ActionId = actionId;
        DeliveryOverride = deliveryOverride;
        OverrideReason = deliveryOverride is null ? null : overrideReason;
        ImpactRag = impactRag;
        ImpactNote = impactRag is null ? null : impactNote;
        EmbeddedConfirmed = embeddedConfirmed;
        DecidedAtUtc = decidedAtUtc;
        DecidedByUserId = decidedByUserId;
        DecidedByName = decidedByName;
    }

    /// <summary>Records the ratings the action holds now, as decided by the named user.</summary>
    public static RatingDecision Of(ImprovementAction action, DateTime decidedAtUtc, string? decidedByUserId, string decidedByName)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new RatingDecision(action.Id, action.DeliveryRagOverride, action.DeliveryRagOverrideReason, action.ImpactRag,
            action.ImpactRagNote, action.EmbeddedConfirmedOn is not null, decidedAtUtc, decidedByUserId, decidedByName);
    }

    public long Id { get; private set; }

    public int ActionId { get; private set; }

    public Rag.Rag? DeliveryOverride { get; private set; }

    public string? OverrideReason { get; private set; }

    public Rag.Rag? ImpactRag { get; private set; }

    public string? ImpactNote { get; private set; }

    public bool EmbeddedConfirmed { get; private set; }

    public DateTime DecidedAtUtc { get; private set; }

    public string? DecidedByUserId { get; private set; }

    public string DecidedByName { get; private set; }
}
