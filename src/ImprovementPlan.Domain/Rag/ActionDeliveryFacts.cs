namespace ImprovementPlan.Domain.Rag;

/// <summary>What the delivery RAG of an action is worked out from.</summary>
public sealed record ActionDeliveryFacts
{
    public DateOnly? DueDate { get; init; }

    public bool IsComplete { get; init; }

    /// <summary>The Service Director has confirmed the action is complete and its change embedded.</summary>
    public bool IsEmbeddedConfirmed { get; init; }

    public DateOnly? LastApprovedUpdateOn { get; init; }

    /// <summary>The RAG proposed in the latest approved progress update, if any.</summary>
    public Rag? ProposedRag { get; init; }

    /// <summary>A RAG set by the Service Director, which replaces the computed one.</summary>
    public Rag? OverrideRag { get; init; }

    public string? OverrideReason { get; init; }
}
