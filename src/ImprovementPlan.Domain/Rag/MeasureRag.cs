namespace ImprovementPlan.Domain.Rag;

/// <summary>Rates a measure's actual against the target on its trajectory that applies to the actual's period.</summary>
public static class MeasureRag
{
    /// <summary>Rates one actual; within <paramref name="tolerance"/> (a fraction of the target) on the wrong side is Amber.</summary>
    public static MeasureRating Rate(
        Polarity polarity, IReadOnlyCollection<TargetPoint> targets, ActualPoint actual, decimal tolerance)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);

        if (polarity == Polarity.Neutral)
        {
            return new MeasureRating(null, null, actual, "Not rated: neither higher nor lower is better");
        }

        if (TargetFor(targets, actual) is not { } target)
        {
            return new MeasureRating(null, null, actual, "No target applies to this period");
        }

        var (meetsTarget, withinTolerance) = polarity switch
        {
            Polarity.HigherIsBetter => (actual.Value >= target.Value, actual.Value >= target.Value * (1m - tolerance)),
            Polarity.LowerIsBetter => (actual.Value <= target.Value, actual.Value <= target.Value * (1m + tolerance)),
            _ => throw new ArgumentOutOfRangeException(nameof(polarity), polarity, "Unknown polarity."),
        };

        var against = $"the target of {RagText.Number(target.Value)} for {RagText.Date(target.Date)}";

        if (meetsTarget)
        {
            return new MeasureRating(Rag.Green, target, actual, $"Meets {against}");
        }

        return withinTolerance
            ? new MeasureRating(Rag.Amber, target, actual, $"Within {RagText.Percent(tolerance)} of {against}")
            : new MeasureRating(Rag.Red, target, actual, $"Misses {against} by more than {RagText.Percent(tolerance)}");
    }

    /// <summary>Rates the latest actual (by period end, then period start); not rated when there are none.</summary>
    public static MeasureRating RateLatest(
        Polarity polarity, IReadOnlyCollection<TargetPoint> targets, IReadOnlyCollection<ActualPoint> actuals, decimal tolerance)
    {
        ArgumentNullException.ThrowIfNull(actuals);

        var latest = actuals
            .OrderByDescending(a => a.PeriodEnd)
            .ThenByDescending(a => a.PeriodStart)
            .FirstOrDefault();

        return latest is null
            ? new MeasureRating(null, null, null, "No actuals recorded")
            : Rate(polarity, targets, latest, tolerance);
    }

    /// <summary>The latest target dated within the actual's period, else the latest dated before it, else null.</summary>
    public static TargetPoint? TargetFor(IReadOnlyCollection<TargetPoint> targets, ActualPoint actual)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(actual);

        return targets
                .Where(t => t.Date >= actual.PeriodStart && t.Date <= actual.PeriodEnd)
                .MaxBy(t => t.Date)
            ?? targets
                .Where(t => t.Date < actual.PeriodStart)
                .MaxBy(t => t.Date);
    }
}
