using ImprovementPlan.Domain.Measures;

namespace ImprovementPlan.Domain.Rag;

/// <summary>
/// Whether a measure is on track as at a date, using only the figures produced by then. The latest figure
/// is compared with the value the trajectory expects at the end of its period: stepped, the latest target
/// dated on or before it; linear, the line between the targets either side; before the first target, the
/// line from the baseline to the first target. Meeting it is Green, falling short by no more than the
/// tolerance Amber, beyond it Red. A target whose figure was due and has not come is "figure overdue".
/// </summary>
public static class MeasureRatingRule
{
    public static MeasureRating Rate(MeasureFacts facts, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var latest = facts.Actuals
            .Where(a => a.AsAt <= asAt)
            .OrderByDescending(a => a.PeriodEnd)
            .ThenByDescending(a => a.PeriodStart)
            .FirstOrDefault();
        var text = new MeasureText(facts.Unit, facts.DecimalPlaces, facts.Frequency);
        var latestText = latest is null ? null : text.Figure(latest);

        if (facts.RetiredOn is { } retired && retired <= asAt)
        {
            return NotRated(latest, $"Not rated: the measure was retired on {MeasureText.Date(retired)}."
                + (latestText is null ? string.Empty : $" Its last figure was {latestText}."));
        }

        if (facts.Polarity == Polarity.Neutral)
        {
            const string tracked = "Tracked, not rated: neither a higher nor a lower figure is better.";
            return new MeasureRating(MeasureRatingStatus.Tracked, null, latest, null, null,
                latestText is null ? $"{tracked} No figure has been recorded yet." : $"{Sentence(latestText)} {tracked}");
        }

        var targets = facts.Targets.OrderBy(t => t.Date).ToList();
        if (Overdue(facts, targets, latest, asAt) is { } overdue)
        {
            var period = MeasurePeriod.Containing(facts.Frequency, overdue.Date);
            var due = period.End.AddDays(facts.LagDays);
            return new MeasureRating(MeasureRatingStatus.FigureOverdue, null, latest, null, overdue,
                $"Figure overdue: there is no figure for {text.Period(period)}, when the target was {text.Value(overdue.Value)}, "
                + $"and it was due by {MeasureText.Date(due)}."
                + (latestText is null ? " No figure has been recorded yet." : $" The latest figure is {latestText}."));
        }

        if (latest is null)
        {
            return NotRated(null, targets.Count == 0
                ? "Not rated: no figures and no targets have been recorded yet."
                : $"Not rated yet: no figure has been recorded. The first target is {text.Value(targets[0].Value)} by {MeasureText.TargetDate(targets[0])}.");
        }

        if (targets.Count == 0)
        {
            return NotRated(latest, $"{Sentence(latestText!)} Not rated: no target has been set to compare it with.");
        }

        var end = latest.PeriodEnd;
        var periodText = text.Period(latest);
        if (facts.Baseline is { } start && end <= start.Date)
        {
            var aim = targets.FirstOrDefault(t => t.Date > start.Date) ?? targets[^1];
            return NotRated(latest, $"Not rated yet: {latestText} is from the baseline the trajectory starts from. "
                + $"The first target is {text.Value(aim.Value)} by {MeasureText.TargetDate(aim)}.");
        }

        decimal expected;
        string context;
        var first = targets[0];
        if (end < first.Date)
        {
            if (facts.Baseline is not { } baseline || baseline.Date >= first.Date)
            {
                return NotRated(latest, $"{Sentence(latestText!)} Not rated: the first target, {text.Value(first.Value)} by "
                    + $"{MeasureText.TargetDate(first)}, comes after this figure and no baseline has been recorded to draw a line to it from.");
            }

            expected = Round(Interpolate(baseline, first, end), facts.DecimalPlaces);
            context = $"To reach {text.Value(first.Value)} by {MeasureText.TargetDate(first)} it should be about {text.Value(expected)} for {periodText}";
        }
        else if (facts.Shape == TrajectoryShape.Stepped || targets.Count == 1)
        {
            var applies = targets.Last(t => t.Date <= end);
            var next = targets.FirstOrDefault(t => t.Date > end);
            expected = Round(applies.Value, facts.DecimalPlaces);
            context = $"The target from {MeasureText.TargetDate(applies)} is {text.Value(applies.Value)}"
                + (next is null ? string.Empty : $", then {text.Value(next.Value)} by {MeasureText.TargetDate(next)}");
        }
        else
        {
            var before = targets.Last(t => t.Date <= end);
            var after = targets.FirstOrDefault(t => t.Date > end);
            if (after is null || before.Date == end)
            {
                expected = Round(before.Value, facts.DecimalPlaces);
                context = $"The target was {text.Value(before.Value)} by {MeasureText.TargetDate(before)}";
            }
            else
            {
                expected = Round(Interpolate(before, after, end), facts.DecimalPlaces);
                context = $"To reach {text.Value(after.Value)} by {MeasureText.TargetDate(after)} it should be about {text.Value(expected)} for {periodText}";
            }
        }

        var target = targets.FirstOrDefault(t => t.Date >= end) ?? targets[^1];
        var shortfall = facts.Polarity == Polarity.LowerIsBetter ? latest.Value - expected : expected - latest.Value;
        var missWord = facts.Polarity == Polarity.LowerIsBetter ? "too high" : "short";
        var prefix = $"{Sentence(latestText!)} {context}";

        if (shortfall <= 0)
        {
            return new MeasureRating(MeasureRatingStatus.Rated, Rag.Green, latest, expected, target,
                shortfall == 0 ? $"{prefix}: on track." : $"{prefix}: on track, {text.Amount(-shortfall)} better.");
        }

        var tolerance = text.Tolerance(facts.Tolerance);
        return shortfall <= facts.Tolerance
            ? new MeasureRating(MeasureRatingStatus.Rated, Rag.Amber, latest, expected, target,
                $"{prefix}: {text.Amount(shortfall)} {missWord}, within the {tolerance}.")
            : new MeasureRating(MeasureRatingStatus.Rated, Rag.Red, latest, expected, target,
                facts.Tolerance == 0
                    ? $"{prefix}: {text.Amount(shortfall)} {missWord}, and no tolerance is allowed."
                    : $"{prefix}: {text.Amount(shortfall)} {missWord}, beyond the {tolerance}.");
    }

    /// <summary>The latest target whose figure was due before <paramref name="asAt"/> and has not been produced.</summary>
    private static TargetPoint? Overdue(MeasureFacts facts, List<TargetPoint> targets, ActualPoint? latest, DateOnly asAt) =>
        targets.LastOrDefault(t =>
        {
            var period = MeasurePeriod.Containing(facts.Frequency, t.Date);
            return period.End.AddDays(facts.LagDays) < asAt && (latest is null || latest.PeriodEnd < period.Start);
        });

    private static decimal Interpolate(TargetPoint from, TargetPoint to, DateOnly at) =>
        from.Value + ((to.Value - from.Value) * (at.DayNumber - from.Date.DayNumber) / (to.Date.DayNumber - from.Date.DayNumber));

    private static decimal Round(decimal value, int decimalPlaces) =>
        Math.Round(value, decimalPlaces, MidpointRounding.AwayFromZero);

    private static MeasureRating NotRated(ActualPoint? latest, string reason) =>
        new(MeasureRatingStatus.NotRated, null, latest, null, null, reason);

    private static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text[1..] + ".";
}
