namespace ImprovementPlan.Domain.Rag;

/// <summary>One point of a measure's trajectory: the value to reach by a date.</summary>
public sealed record TargetPoint(DateOnly Date, decimal Value);
