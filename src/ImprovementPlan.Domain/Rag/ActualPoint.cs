namespace ImprovementPlan.Domain.Rag;

/// <summary>A measure's recorded value for a period (both ends inclusive).</summary>
public sealed record ActualPoint(DateOnly PeriodStart, DateOnly PeriodEnd, decimal Value);
