using System.Globalization;
using ImprovementPlan.Domain.Measures;

namespace ImprovementPlan.Web.Features.Reports;

/// <summary>
/// A measure's actuals against its target trajectory and comparators, laid out for a server-side
/// SVG (Features/Reports/_MeasureChart.cshtml). The same geometry is drawn on the web page and in
/// the PDF; the series differ by line style and marker shape as well as colour.
/// </summary>
public sealed record ChartModel(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<ChartPoint> Actuals,
    IReadOnlyList<ChartPoint> Targets,
    IReadOnlyList<ChartLine> Comparators,
    IReadOnlyList<ChartTick> XTicks,
    IReadOnlyList<ChartTick> YTicks)
{
    public const double Width = 640;
    public const double Height = 250;
    public const double Left = 56;
    public const double Right = 150;
    public const double Top = 14;
    public const double Bottom = 44;

    public static double PlotRight => Width - Right;

    public static double PlotBottom => Height - Bottom;

    public string ActualsPath => Path(Actuals);

    public string TargetsPath => Path(Targets);

    private static string Path(IReadOnlyList<ChartPoint> points) =>
        string.Join(' ', points.Select(p => Fmt(p.X) + "," + Fmt(p.Y)));

    public static string Fmt(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A chart, when the measure has something to compare: two or more points, or an actual and a comparator.</summary>
    public static ChartModel? For(string code, string name, MeasureUnit unit, IReadOnlyList<(DateOnly Date, decimal Value, string Label)> actuals,
        IReadOnlyList<(DateOnly Date, decimal Value, string Label)> targets, IReadOnlyList<(string Name, decimal Value, string? Period)> comparators)
    {
        if (actuals.Count + targets.Count < 2 && !(actuals.Count >= 1 && comparators.Count >= 1))
        {
            return null;
        }

        var dates = actuals.Select(a => a.Date).Concat(targets.Select(t => t.Date)).ToList();
        var first = dates.Min().AddMonths(-1);
        var last = dates.Max().AddMonths(1);
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        var values = actuals.Select(a => a.Value).Concat(targets.Select(t => t.Value)).Concat(comparators.Select(c => c.Value)).ToList();
        var max = unit == MeasureUnit.Percent && values.Max() <= 100 ? 100m : NiceCeiling(values.Max() * 1.15m);
        double X(DateOnly d) => Left + ((d.DayNumber - first.DayNumber) / (double)span * (PlotRight - Left));
        double Y(decimal v) => PlotBottom - ((double)(v / max) * (PlotBottom - Top));

        var yTicks = Enumerable.Range(0, 5).Select(i => max * i / 4)
            .Select(v => new ChartTick(Y(v), ReportFormat.Value(v, unit))).ToList();
        // Figures are dated at the end of their period ("November 2020" is 30 November; a target is
        // "by 31 March"), so each month's tick stands on its last day, under that month's figures.
        var months = new List<DateOnly>();
        for (var m = new DateOnly(first.Year, first.Month, 1); m.AddMonths(1).AddDays(-1) <= last; m = m.AddMonths(1))
        {
            if (m.AddMonths(1).AddDays(-1) >= first)
            {
                months.Add(m);
            }
        }

        var step = Math.Max(1, (int)Math.Ceiling(months.Count / 6.0));
        var xTicks = months.Where((_, i) => i % step == 0)
            .Select(m => new ChartTick(X(m.AddMonths(1).AddDays(-1)), m.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB")))).ToList();

        var actualPoints = actuals.OrderBy(a => a.Date)
            .Select(a => new ChartPoint(X(a.Date), Y(a.Value), $"{ReportFormat.Value(a.Value, unit)} ({a.Label})")).ToList();
        var targetPoints = targets.OrderBy(t => t.Date)
            .Select(t => new ChartPoint(X(t.Date), Y(t.Value), $"{ReportFormat.Value(t.Value, unit)} by {t.Label}")).ToList();
        // Comparators close in value would print their labels over each other: keep 13 units apart.
        var lines = new List<ChartLine>();
        var lastLabelY = double.MinValue;
        foreach (var c in comparators.OrderByDescending(c => c.Value))
        {
            var y = Y(c.Value);
            var labelY = Math.Max(y, lastLabelY + 13);
            lastLabelY = labelY;
            lines.Add(new ChartLine(y, labelY, $"{c.Name}: {ReportFormat.Value(c.Value, unit)}"));
        }


        var description = new List<string>();
        if (actualPoints.Count > 0)
        {
            description.Add("Actuals: " + string.Join("; ", actualPoints.Select(p => p.Label)) + ".");
        }

        if (targetPoints.Count > 0)
        {
            description.Add("Target trajectory: " + string.Join("; ", targetPoints.Select(p => p.Label)) + ".");
        }

        if (lines.Count > 0)
        {
            description.Add("Comparators: " + string.Join("; ", lines.Select(l => l.Label)) + ".");
        }

        return new ChartModel("chart-" + code.ToLowerInvariant(), $"{name}: actuals against target and comparators",
            string.Join(' ', description), actualPoints, targetPoints, lines, xTicks, yTicks);
    }

    private static decimal NiceCeiling(decimal value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        foreach (var factor in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (factor * magnitude >= value)
            {
                return factor * magnitude;
            }
        }

        return 10 * magnitude;
    }
}

public sealed record ChartPoint(double X, double Y, string Label);

public sealed record ChartLine(double Y, double LabelY, string Label);

public sealed record ChartTick(double Position, string Label);
