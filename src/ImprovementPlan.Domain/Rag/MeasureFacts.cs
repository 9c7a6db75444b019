using ImprovementPlan.Domain.Measures;

namespace ImprovementPlan.Domain.Rag;

/// <summary>What a measure's rating is worked out from.</summary>
public sealed record MeasureFacts
{
    public MeasureUnit Unit { get; init; }

    public int DecimalPlaces { get; init; }

    public Polarity Polarity { get; init; }

    /// <summary>The amber band in the measure's unit (percentage points for percentages).</summary>
    public decimal Tolerance { get; init; }

    public MeasureFrequency Frequency { get; init; }

    public int LagDays { get; init; }

    public TrajectoryShape Shape { get; init; }

    /// <summary>The starting figure, dated at the end of its period.</summary>
    public TargetPoint? Baseline { get; init; }

    public IReadOnlyList<TargetPoint> Targets { get; init; } = [];

    public IReadOnlyList<ActualPoint> Actuals { get; init; } = [];

    public DateOnly? RetiredOn { get; init; }
}
