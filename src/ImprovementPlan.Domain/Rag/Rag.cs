namespace ImprovementPlan.Domain.Rag;

/// <summary>A Red/Amber/Green (and Blue for complete and embedded) rating.</summary>
public enum Rag
{
    Red = 1,
    Amber = 2,
    Green = 3,
    Blue = 4,
}
