namespace ImprovementPlan.Domain.Rag;

/// <summary>A measure's recorded value for a period (both ends inclusive), the date it was produced and the period in words.</summary>
public sealed record ActualPoint(DateOnly PeriodStart, DateOnly PeriodEnd, decimal Value, DateOnly AsAt, string? Label = null)
{
    public ActualPoint(DateOnly periodStart, DateOnly periodEnd, decimal value)
        : this(periodStart, periodEnd, value, periodEnd)
    {
    }
}
