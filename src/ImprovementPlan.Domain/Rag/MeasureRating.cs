namespace ImprovementPlan.Domain.Rag;

/// <summary>A measure's RAG and the plain-English reason for it.</summary>
/// <param name="Rag">The rating, or null when the measure cannot be rated.</param>
/// <param name="Target">The target the actual was compared with, if one applied.</param>
/// <param name="Actual">The actual that was rated, if there was one.</param>
/// <param name="Reason">A short reason shown to users beside the rating.</param>
public sealed record MeasureRating(Rag? Rag, TargetPoint? Target, ActualPoint? Actual, string Reason)
{
    public bool IsRated => Rag is not null;
}
