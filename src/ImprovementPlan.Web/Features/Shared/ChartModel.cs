using System.Globalization;
using ImprovementPlan.Domain.Rag;

namespace ImprovementPlan.Web.Features.Shared;

/// <summary>What a measure's chart is drawn from: its figures, trajectory, tolerance and comparators.</summary>
/// <param name="Key">A stable key for the chart's element ids, e.g. the measure's code.</param>
/// <param name="Name">The measure's name, the chart's title.</param>
/// <param name="Format">Writes a value in the measure's unit and decimal places ("76%", "7 days").</param>
/// <param name="Polarity">Which way is better; it decides on which side of the trajectory the tolerance band lies.</param>
/// <param name="Tolerance">The width of the amber band in the measure's unit (percentage points for a percentage), if any.</param>
/// <param name="Linear">Whether the trajectory runs straight between its points (true) or steps at each target date (false).</param>
/// <param name="Baseline">The baseline the trajectory starts from, if recorded.</param>
/// <param name="Actuals">The figures produced by the chart's date.</param>
/// <param name="Targets">The trajectory's points.</param>
/// <param name="Comparators">England, region, statistical neighbours and the like.</param>
public sealed record ChartData(
    string Key,
    string Name,
    Func<decimal, string> Format,
    Polarity Polarity,
    decimal? Tolerance,
    bool Linear,
    ChartFigure? Baseline,
    IReadOnlyList<ChartFigure> Actuals,
    IReadOnlyList<ChartTarget> Targets,
    IReadOnlyList<ChartComparator> Comparators);

/// <summary>A figure for a period; <paramref name="Date"/> is the period's last day, where the chart plots it.</summary>
public sealed record ChartFigure(DateOnly Date, decimal Value, string Period, bool Provisional = false);

/// <summary>A point of the trajectory: the value to reach by a date.</summary>
public sealed record ChartTarget(DateOnly Date, decimal Value, bool DateAssumed = false);

/// <summary>A comparator's figure; comparators of the same name make one series.</summary>
public sealed record ChartComparator(string Name, decimal Value, string? Period, DateOnly? Date);

/// <summary>The shape drawn at each point of a series.</summary>
public enum ChartMarker
{
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
    TriangleDown,
}

/// <summary>How a series is drawn: colour, dash pattern ("" for a solid line) and marker.</summary>
public sealed record ChartStyle(string Colour, string Dash, double StrokeWidth, ChartMarker Marker, bool HollowMarker);

/// <summary>One plotted point, in the SVG's coordinates, with its figure in words.</summary>
public sealed record ChartPoint(double X, double Y, string Label, bool Hollow = false);

/// <summary>A line of the chart: the actuals, the target trajectory, or a comparator.</summary>
/// <param name="Key">"actual", "target" or "comparator-n".</param>
/// <param name="Name">The series' name in the legend.</param>
/// <param name="Style">How it is drawn.</param>
/// <param name="Path">The line's points ("x,y x,y …"), empty when a single point stands alone.</param>
/// <param name="Markers">Where markers go; a comparator with one figure is a level line with one marker at its right end.</param>
public sealed record ChartSeries(string Key, string Name, ChartStyle Style, string Path, IReadOnlyList<ChartPoint> Markers);

/// <summary>A legend entry, placed: a line with its marker, or a shaded swatch for the tolerance band.</summary>
public sealed record ChartLegendItem(double X, double Y, string Label, ChartStyle Style, ChartLegendKind Kind);

/// <summary>What a legend entry shows: a line with its marker, a marker alone, or the shaded band.</summary>
public enum ChartLegendKind
{
    Line,
    Marker,
    Band,
}

public sealed record ChartTick(double Position, string Label);

/// <summary>A row of the figures table beside the chart: what, when, and the figure.</summary>
public sealed record ChartTableRow(string What, string When, string Figure);

/// <summary>
/// A measure's chart laid out for a server-side SVG (Features/Shared/_MeasureChart.cshtml), the same
/// on the measure's page and in the PDFs. The SVG is drawn one user unit to one CSS pixel (it is at
/// most <see cref="Width"/> pixels wide, which leaves room on a portrait A4 page for the figures
/// table beside it), so text of <see cref="FontSize"/> units prints at 9 pt. Series differ by dash pattern and marker shape as
/// well as colour; the tolerance band is shaded along the trajectory on the side that misses it.
/// </summary>
public sealed record ChartModel(
    string Id,
    string Title,
    string TextAlternative,
    double Height,
    IReadOnlyList<ChartSeries> Series,
    string? BandPath,
    IReadOnlyList<ChartTick> XTicks,
    IReadOnlyList<ChartTick> YTicks,
    IReadOnlyList<ChartLegendItem> Legend,
    IReadOnlyList<ChartTableRow> Figures,
    double YMin,
    double YMax,
    DateOnly XFrom,
    DateOnly XTo)
{
    public const double Width = 460;
    public const double Left = 64;
    public const double Right = 12;
    public const double Top = 14;
    public const double PlotHeight = 170;
    public const double FontSize = 12;
    public const double LegendRowHeight = 22;
    public const double LegendTop = PlotBottom + 40;

    /// <summary>A CSS pixel prints at 0.75 pt.</summary>
    public const double PointsPerUnit = 0.75;

    public const double PlotRight = Width - Right;

    public const double PlotBottom = Top + PlotHeight;

    public static readonly ChartStyle ActualStyle = new("#1d70b8", string.Empty, 3, ChartMarker.Circle, false);

    public static readonly ChartStyle TargetStyle = new("#0b0c0c", "8 5", 2, ChartMarker.Square, true);

    /// <summary>The amber band's fill.</summary>
    public const string BandColour = "#ffdd00";

    /// <summary>Comparators' styles, in turn; each differs from the others and from actuals and targets in dash and marker.</summary>
    public static readonly IReadOnlyList<ChartStyle> ComparatorStyles =
    [
        new("#d4351c", "2 4", 2, ChartMarker.Triangle, false),
        new("#00703c", "12 4 3 4", 2, ChartMarker.Diamond, false),
        new("#4c2c92", "5 3", 2, ChartMarker.Cross, false),
        new("#6f4b00", "1 3 7 3", 2, ChartMarker.TriangleDown, false),
    ];

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Fmt(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The chart of a measure as at <paramref name="asAt"/>; null when there is nothing to draw (no figure, target or comparator).</summary>
    public static ChartModel? For(ChartData data, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var actuals = data.Actuals.OrderBy(a => a.Date).ToList();
        var targets = data.Targets.OrderBy(t => t.Date).ToList();
        if (actuals.Count == 0 && targets.Count == 0)
        {
            return null;
        }

        var trajectory = Trajectory(data.Baseline, targets, data.Linear, data.Format);
        var comparatorSeries = data.Comparators.GroupBy(c => c.Name).Select(g => g.OrderBy(c => c.Date).ToList()).ToList();
        var timed = comparatorSeries.Where(s => s.Count > 1 && s.All(c => c.Date is not null)).ToList();

        // Scales: every date and value drawn, with half a month either side.
        var dates = actuals.Select(a => a.Date).Concat(trajectory.Select(p => p.Date))
            .Concat(timed.SelectMany(s => s.Select(c => c.Date!.Value))).ToList();
        var from = dates.Min().AddDays(-15);
        var to = dates.Max().AddDays(15);
        var span = Math.Max(1, to.DayNumber - from.DayNumber);
        var band = data.Tolerance is { } tol && tol > 0 && data.Polarity != Polarity.Neutral && trajectory.Count > 1 ? tol : 0m;
        var bandSign = data.Polarity == Polarity.LowerIsBetter ? 1 : -1;
        var values = actuals.Select(a => a.Value).Concat(trajectory.Select(p => p.Value))
            .Concat(trajectory.Select(p => p.Value + (bandSign * band)))
            .Concat(data.Comparators.Select(c => c.Value)).ToList();
        var (yMin, yMax, yStep) = YScale(values, data.Format(100m).EndsWith('%'));
        double X(DateOnly d) => Left + ((d.DayNumber - from.DayNumber) / (double)span * (PlotRight - Left));
        double Y(decimal v) => PlotBottom - ((double)(v - yMin) / (double)(yMax - yMin) * PlotHeight);

        var yTicks = new List<ChartTick>();
        for (var v = yMin; v <= yMax; v += yStep)
        {
            yTicks.Add(new ChartTick(Y(v), data.Format(v)));
        }

        var series = new List<ChartSeries>();
        if (actuals.Count > 0)
        {
            var points = actuals.Select(a => new ChartPoint(X(a.Date), Y(a.Value),
                $"{data.Format(a.Value)} ({a.Period}{(a.Provisional ? ", provisional" : "")})", a.Provisional)).ToList();
            series.Add(new ChartSeries("actual", "Actual", ActualStyle, points.Count > 1 ? PathOf(points) : string.Empty, points));
        }

        if (trajectory.Count > 0)
        {
            var markers = trajectory.Where(p => p.IsMarked).Select(p => new ChartPoint(X(p.Date), Y(p.Value), p.Label)).ToList();
            var path = trajectory.Count > 1 ? string.Join(' ', trajectory.Select(p => Fmt(X(p.Date)) + "," + Fmt(Y(p.Value)))) : string.Empty;
            series.Add(new ChartSeries("target", data.Baseline is null ? "Target trajectory" : "Target trajectory from the baseline", TargetStyle, path, markers));
        }

        for (var i = 0; i < comparatorSeries.Count; i++)
        {
            var figures = comparatorSeries[i];
            var style = ComparatorStyles[i % ComparatorStyles.Count];
            var name = figures[0].Name;
            if (timed.Contains(figures))
            {
                var points = figures.Select(c => new ChartPoint(X(c.Date!.Value), Y(c.Value), $"{name}: {data.Format(c.Value)}{PeriodText(c.Period)}")).ToList();
                series.Add(new ChartSeries("comparator-" + i.ToString(CultureInfo.InvariantCulture), name, style, PathOf(points), points));
            }
            else
            {
                // One figure (or undated figures): the latest as a level line across the plot.
                var latest = figures[^1];
                var y = Y(latest.Value);
                var label = $"{name}: {data.Format(latest.Value)}{PeriodText(latest.Period)}";
                series.Add(new ChartSeries("comparator-" + i.ToString(CultureInfo.InvariantCulture), label, style,
                    $"{Fmt(Left)},{Fmt(y)} {Fmt(PlotRight)},{Fmt(y)}", [new ChartPoint(PlotRight - 8, y, label)]));
            }
        }

        string? bandPath = null;
        if (band > 0)
        {
            var edge = trajectory.Select(p => (X: X(p.Date), Y: Y(p.Value))).ToList();
            var offset = trajectory.Select(p => (X: X(p.Date), Y: Y(p.Value + (bandSign * band)))).Reverse().ToList();
            bandPath = "M " + string.Join(" L ", edge.Concat(offset).Select(p => Fmt(p.X) + "," + Fmt(p.Y))) + " Z";
        }

        var (legend, height) = Layout(series, band > 0
            ? $"Amber band: within {data.Format(band).Replace("%", " points", StringComparison.Ordinal)} {(bandSign < 0 ? "below" : "above")} the target"
            : null, actuals.Any(a => a.Provisional));

        return new ChartModel("chart-" + Slug(data.Key), data.Name, Describe(data, asAt), height, series, bandPath,
            MonthTicks(from, to, X), yTicks, legend, Table(data), (double)yMin, (double)yMax, from, to);
    }

    /// <summary>
    /// The trend in one sentence, for the chart's text alternative: "up from 69% to 76% since November
    /// 2020; target 85% by March 2021". The target is the first one dated on or after
    /// <paramref name="asAt"/>, or else the last one ("last target").
    /// </summary>
    public static string Describe(ChartData data, DateOnly asAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        var actuals = data.Actuals.OrderBy(a => a.Date).ToList();
        string trend;
        if (actuals.Count == 0)
        {
            trend = "no figures yet";
        }
        else
        {
            var first = actuals[0];
            var latest = actuals[^1];
            var latestText = data.Format(latest.Value) + (latest.Provisional ? " (provisional)" : string.Empty);
            if (actuals.Count == 1)
            {
                trend = $"{latestText} in {latest.Period}";
            }
            else if (data.Format(first.Value) == data.Format(latest.Value))
            {
                trend = $"unchanged at {latestText} since {first.Period}";
            }
            else
            {
                trend = $"{(latest.Value > first.Value ? "up" : "down")} from {data.Format(first.Value)} to {latestText} since {first.Period}";
            }
        }

        var targets = data.Targets.OrderBy(t => t.Date).ToList();
        if (targets.Count == 0)
        {
            return trend;
        }

        var next = targets.FirstOrDefault(t => t.Date >= asAt);
        var target = next ?? targets[^1];
        return $"{trend}; {(next is null ? "last target" : "target")} {data.Format(target.Value)} by {target.Date.ToString("MMMM yyyy", EnGb)}"
            + (target.DateAssumed ? " (date assumed)" : string.Empty);
    }

    /// <summary>The SVG path of a marker of the given shape centred on (x, y).</summary>
    public static string MarkerPath(ChartMarker marker, double x, double y)
    {
        const double r = 5;
        string P(double px, double py) => Fmt(px) + "," + Fmt(py);
        return marker switch
        {
            ChartMarker.Circle => $"M {P(x - r, y)} A {Fmt(r)},{Fmt(r)} 0 1 0 {P(x + r, y)} A {Fmt(r)},{Fmt(r)} 0 1 0 {P(x - r, y)} Z",
            ChartMarker.Square => $"M {P(x - r, y - r)} L {P(x + r, y - r)} L {P(x + r, y + r)} L {P(x - r, y + r)} Z",
            ChartMarker.Triangle => $"M {P(x, y - (r * 1.3))} L {P(x + (r * 1.2), y + (r * 0.9))} L {P(x - (r * 1.2), y + (r * 0.9))} Z",
            ChartMarker.TriangleDown => $"M {P(x, y + (r * 1.3))} L {P(x + (r * 1.2), y - (r * 0.9))} L {P(x - (r * 1.2), y - (r * 0.9))} Z",
            ChartMarker.Diamond => $"M {P(x, y - (r * 1.4))} L {P(x + (r * 1.4), y)} L {P(x, y + (r * 1.4))} L {P(x - (r * 1.4), y)} Z",
            ChartMarker.Cross => $"M {P(x - r, y - r)} L {P(x + r, y + r)} M {P(x + r, y - r)} L {P(x - r, y + r)}",
            _ => throw new ArgumentOutOfRangeException(nameof(marker), marker, "Unknown marker."),
        };
    }

    private sealed record TrajectoryPoint(DateOnly Date, decimal Value, string Label, bool IsMarked);

    /// <summary>The trajectory's corners: from the baseline straight to the first target, then straight (linear) or in steps.</summary>
    private static List<TrajectoryPoint> Trajectory(ChartFigure? baseline, List<ChartTarget> targets, bool linear, Func<decimal, string> format)
    {
        var points = new List<TrajectoryPoint>();
        if (baseline is not null && (targets.Count == 0 || baseline.Date < targets[0].Date))
        {
            points.Add(new TrajectoryPoint(baseline.Date, baseline.Value, $"baseline {format(baseline.Value)} ({baseline.Period})", false));
        }

        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            if (!linear && i > 0)
            {
                // Stepped: the previous target holds until this one's date.
                points.Add(new TrajectoryPoint(t.Date, targets[i - 1].Value, string.Empty, false));
            }

            points.Add(new TrajectoryPoint(t.Date, t.Value,
                $"{format(t.Value)} by {t.Date.ToString("d MMMM yyyy", EnGb)}{(t.DateAssumed ? " (date assumed)" : string.Empty)}", true));
        }

        return points;
    }

    /// <summary>The figures the chart draws, as a table: the baseline, actuals, targets, then comparators.</summary>
    private static List<ChartTableRow> Table(ChartData data)
    {
        var rows = new List<(DateOnly Date, int Order, ChartTableRow Row)>();
        if (data.Baseline is { } baseline)
        {
            rows.Add((baseline.Date, 0, new ChartTableRow("Baseline", baseline.Period, data.Format(baseline.Value))));
        }

        rows.AddRange(data.Actuals.Select(a => (a.Date, 1,
            new ChartTableRow("Actual", a.Period, data.Format(a.Value) + (a.Provisional ? " (provisional)" : string.Empty)))));
        rows.AddRange(data.Targets.Select(t => (t.Date, 2,
            new ChartTableRow("Target", "by " + t.Date.ToString("d MMMM yyyy", EnGb) + (t.DateAssumed ? " (date assumed)" : string.Empty), data.Format(t.Value)))));
        var ordered = rows.OrderBy(r => r.Date).ThenBy(r => r.Order).Select(r => r.Row).ToList();
        ordered.AddRange(data.Comparators.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Date)
            .Select(c => new ChartTableRow(c.Name, c.Period ?? "Period not recorded", data.Format(c.Value))));
        return ordered;
    }

    private static string PathOf(IEnumerable<ChartPoint> points) => string.Join(' ', points.Select(p => Fmt(p.X) + "," + Fmt(p.Y)));

    private static string PeriodText(string? period) => string.IsNullOrWhiteSpace(period) ? string.Empty : $" ({period})";

    /// <summary>From zero (or below, for negative figures) to a round value above the largest; 0–100 for percentages.</summary>
    internal static (decimal Min, decimal Max, decimal Step) YScale(IReadOnlyCollection<decimal> values, bool percent)
    {
        var high = values.Count == 0 ? 1m : values.Max();
        var low = values.Count == 0 ? 0m : Math.Min(0m, values.Min());
        if (percent && high <= 100 && low >= 0)
        {
            return (0m, 100m, 25m);
        }

        var step = NiceStep(Math.Max(high - low, 0.0001m), 4);
        var min = low < 0 ? Math.Floor(low / step) * step : 0m;
        var max = Math.Max(min + step, Math.Ceiling(high * 1.05m / step) * step);
        return (min, max, step);
    }

    private static decimal NiceStep(decimal range, int ticks)
    {
        var raw = range / ticks;
        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)raw)));
        foreach (var factor in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (factor * magnitude >= raw)
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }

    /// <summary>Month ticks on each month's last day (where a month's figures stand), at most six.</summary>
    private static List<ChartTick> MonthTicks(DateOnly from, DateOnly to, Func<DateOnly, double> x)
    {
        var months = new List<DateOnly>();
        for (var m = new DateOnly(from.Year, from.Month, 1); m <= to; m = m.AddMonths(1))
        {
            var end = m.AddMonths(1).AddDays(-1);
            if (end >= from && end <= to)
            {
                months.Add(end);
            }
        }

        var step = Math.Max(1, (int)Math.Ceiling(months.Count / 6.0));
        return [.. months.Where((_, i) => i % step == 0).Select(m => new ChartTick(x(m), m.ToString("MMM yyyy", EnGb)))];
    }

    /// <summary>Legend entries flowed into rows under the plot; returns them and the chart's height.</summary>
    private static (List<ChartLegendItem> Items, double Height) Layout(List<ChartSeries> series, string? band, bool provisional)
    {
        var entries = series.Select(s => (Label: s.Name, s.Style, Kind: ChartLegendKind.Line)).ToList();
        if (provisional)
        {
            entries.Insert(1, ("Provisional figure", ActualStyle with { HollowMarker = true }, ChartLegendKind.Marker));
        }

        if (band is not null)
        {
            entries.Add((band, new ChartStyle(BandColour, string.Empty, 0, ChartMarker.Square, false), ChartLegendKind.Band));
        }

        const double start = 8;
        var items = new List<ChartLegendItem>();
        double x = start, y = LegendTop;
        foreach (var (label, style, kind) in entries)
        {
            var width = 40 + (label.Length * FontSize * 0.56) + 18;
            if (x > start && x + width > Width)
            {
                x = start;
                y += LegendRowHeight;
            }

            items.Add(new ChartLegendItem(x, y, label, style, kind));
            x += width;
        }

        return (items, y + 14);
    }

    private static string Slug(string key) =>
        new([.. key.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);
}
