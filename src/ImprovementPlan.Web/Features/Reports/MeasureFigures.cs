using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Features.Shared;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>
/// A measure's figures as a report shows them as at its date: only figures produced by then (their
/// "as at" date, not their period), the latest and the one before with the direction of travel, the
/// target that applies, each comparator's latest figure, the rating with its reason, and — when the
/// latest figure is older than the measure's frequency and lag allow — "no newer figure since …".
/// </summary>
public static class MeasureFigures
{
    public static MeasureView For(Measure measure, int? priorityNumber, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var text = new MeasureText(measure.Unit, measure.DecimalPlaces, measure.Frequency);
        var produced = measure.Actuals.Where(a => a.AsAt <= asAt).OrderBy(a => a.PeriodEnd).ThenBy(a => a.PeriodStart).ToList();
        FigureView Figure(MeasureActual a) => new(text.Value(a.Value), a.PeriodLabel ?? text.Period(a.Period), a.PeriodEnd)
        {
            Provisional = a.IsProvisional,
            AsAt = a.AsAt,
        };

        var figures = produced.Select(Figure).ToList();
        var latest = produced.LastOrDefault();
        var previous = produced.Count > 1 ? produced[^2] : null;
        var rating = measure.RateAsAt(asAt);
        var trajectory = measure.Targets.OrderBy(t => t.Date)
            .Select(t => new TargetView(text.Value(t.Value), MeasureText.TargetDate(new TargetPoint(t.Date, t.Value, t.DateAssumed)), t.Date)
            {
                Applies = rating.Target is { } applied && applied.Date == t.Date,
            })
            .ToList();
        var comparators = measure.Comparators.Where(c => c.PeriodEnd is null || c.PeriodEnd <= asAt)
            .GroupBy(c => (c.Kind, c.Name))
            .Select(g => g.OrderByDescending(c => c.PeriodEnd).ThenByDescending(c => c.Id).First())
            .OrderBy(c => c.Kind).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new ComparatorView(
                c.NeighbourCount is { } n ? $"{c.Name} ({n} {(n == 1 ? "neighbour" : "neighbours")})" : c.Name,
                text.Value(c.Value), c.PeriodLabel)
            {
                Source = c.Source,
            })
            .ToList();
        var baseline = measure.BaselineValue is { } value && measure.BaselinePeriodEnd is { } end && measure.BaselinePeriodStart is { } start
            ? new FigureView(text.Value(value), measure.BaselinePeriodLabel ?? text.Period(new MeasurePeriod(start, end)), end)
            : null;
        var overdue = OverdueFor(measure, asAt, text);
        return new MeasureView(measure.Id, measure.Code, measure.Name, measure.Unit, measure.Polarity, priorityNumber,
            baseline, latest is null ? null : Figure(latest), figures, trajectory, comparators, rating, MeasureChart.For(measure, asAt))
        {
            Previous = previous is null ? null : Figure(previous),
            Travel = latest is null || previous is null
                ? null
                : Travel(measure.Polarity, previous.Value, latest.Value, measure.DecimalPlaces,
                    $"{text.Value(previous.Value)} in {previous.PeriodLabel ?? text.Period(previous.Period)}"),
            TargetForLatest = rating.Target is { } target ? $"{text.Value(target.Value)} by {MeasureText.TargetDate(target)}" : null,
            Expected = rating.Expected is { } expected && latest is not null
                ? $"{text.Value(expected)} for {latest.PeriodLabel ?? text.Period(latest.Period)}"
                : null,
            NoNewerFigure = latest is not null && overdue is not null
                ? $"No newer figure since {latest.PeriodLabel ?? text.Period(latest.Period)}: the figure for {overdue.Period} was due by {MeasureText.Date(overdue.DueOn)}."
                : null,
            Overdue = overdue,
        };
    }

    /// <summary>
    /// The direction of travel from the previous figure to the latest, in words: "Better: up from 69% in
    /// November 2020", "Worse: …", "No change from …"; a measure with no direction says only "Up from …"
    /// or "Down from …". Figures equal at the measure's decimal places are no change.
    /// </summary>
    public static string Travel(Polarity polarity, decimal previous, decimal latest, int decimalPlaces, string previousText)
    {
        var before = Math.Round(previous, decimalPlaces, MidpointRounding.AwayFromZero);
        var now = Math.Round(latest, decimalPlaces, MidpointRounding.AwayFromZero);
        if (before == now)
        {
            return $"No change from {previousText}";
        }

        var direction = now > before ? "up" : "down";
        if (polarity == Polarity.Neutral)
        {
            return $"{char.ToUpperInvariant(direction[0])}{direction[1..]} from {previousText}";
        }

        var better = (now > before) == (polarity == Polarity.HigherIsBetter);
        return $"{(better ? "Better" : "Worse")}: {direction} from {previousText}";
    }

    /// <summary>The next figure after the latest produced by <paramref name="asAt"/>, when it was due before that date; null otherwise (and for one-off or retired measures).</summary>
    public static OverdueFigure? OverdueFor(Measure measure, DateOnly asAt, MeasureText text)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(text);
        return measure.NextFigureDue(asAt) is { } next && next.DueOn < asAt
            ? new OverdueFigure(text.Period(next.Period), next.DueOn)
            : null;
    }
}
