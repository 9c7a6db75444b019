namespace ImprovementPlan.Domain.Rag;

/// <summary>Which direction of a measure is an improvement; Neutral measures are reported but never rated.</summary>
public enum Polarity
{
    HigherIsBetter = 1,
    LowerIsBetter = 2,
    Neutral = 3,
}
