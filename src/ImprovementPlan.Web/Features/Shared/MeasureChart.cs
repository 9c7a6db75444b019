using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;

namespace ImprovementPlan.Web.Features.Shared;

/// <summary>A measure's chart as at a date: what <see cref="ChartModel"/> draws, read from the measure.</summary>
public static class MeasureChart
{
    /// <summary>The chart of the figures produced by <paramref name="asAt"/>, with the whole trajectory and every comparator recorded for a period ended by then.</summary>
    public static ChartModel? For(Measure measure, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(measure);
        return ChartModel.For(Data(measure, asAt), asAt);
    }

    public static ChartData Data(Measure measure, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var text = new MeasureText(measure.Unit, measure.DecimalPlaces, measure.Frequency);
        var baseline = measure.BaselineValue is { } value && measure.BaselinePeriodEnd is { } end
            ? new ChartFigure(end, value, measure.BaselinePeriodLabel ?? text.Period(MeasurePeriod.Containing(measure.Frequency, end)))
            : null;
        return new ChartData(
            measure.Code,
            measure.Name,
            text.Value,
            measure.Polarity,
            measure.Tolerance > 0 ? measure.Tolerance : null,
            measure.TrajectoryShape == TrajectoryShape.Linear,
            baseline,
            [.. measure.Actuals.Where(a => a.AsAt <= asAt).OrderBy(a => a.PeriodEnd)
                .Select(a => new ChartFigure(a.PeriodEnd, a.Value, a.PeriodLabel ?? text.Period(a.Period), a.IsProvisional))],
            [.. measure.Targets.OrderBy(t => t.Date).Select(t => new ChartTarget(t.Date, t.Value, t.DateAssumed))],
            [.. measure.Comparators.Where(c => c.PeriodEnd is null || c.PeriodEnd <= asAt).OrderBy(c => c.PeriodEnd)
                .Select(c => new ChartComparator(c.Name, c.Value, c.PeriodLabel, c.PeriodEnd))]);
    }
}
