namespace ImprovementPlan.Domain.Rag;

/// <summary>An action's delivery RAG and the plain-English reason for it.</summary>
/// <param name="Rag">The rating to show: the override when there is one, else the computed rating.</param>
/// <param name="Computed">What the rules say, kept even when the rating is overridden.</param>
/// <param name="IsOverridden">True when the Service Director set the rating.</param>
/// <param name="Reason">A short reason shown to users beside the rating.</param>
public sealed record DeliveryRating(Rag Rag, Rag Computed, bool IsOverridden, string Reason);
