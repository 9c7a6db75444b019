namespace ImprovementPlan.Domain.Rag;

/// <summary>One point of a measure's trajectory: the value to reach by a date; DateAssumed when the source gave no date.</summary>
public sealed record TargetPoint(DateOnly Date, decimal Value, bool DateAssumed = false);
