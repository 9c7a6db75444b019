using ImprovementPlan.Domain.Rag;

namespace ImprovementPlan.Domain.Measures;

/// <summary>What a measure is: the fields a performance officer keeps on its definition.</summary>
public sealed record MeasureDefinition
{
    public required string Name { get; init; }

    /// <summary>What is counted and how.</summary>
    public string? Description { get; init; }

    public MeasureUnit Unit { get; init; }

    public int DecimalPlaces { get; init; }

    public Polarity Polarity { get; init; } = Polarity.HigherIsBetter;

    /// <summary>The amber band, in the measure's unit (percentage points for percentages).</summary>
    public decimal Tolerance { get; init; }

    public MeasureFrequency Frequency { get; init; } = MeasureFrequency.Monthly;

    /// <summary>Days after a period ends that its figure is due.</summary>
    public int LagDays { get; init; }

    /// <summary>The Identity user who provides the figures, if one is named.</summary>
    public string? DataOwnerUserId { get; init; }

    /// <summary>The data owner's job title, as printed.</summary>
    public string? Owner { get; init; }

    /// <summary>Where the figures come from, e.g. "Liquid Logic, monthly performance report".</summary>
    public string? Source { get; init; }

    /// <summary>The priority the measure is reported under.</summary>
    public int? PriorityId { get; init; }

    public TrajectoryShape TrajectoryShape { get; init; } = TrajectoryShape.Stepped;
}
