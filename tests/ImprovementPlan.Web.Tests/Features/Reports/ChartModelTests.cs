using System.Globalization;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Features.Shared;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>The measure chart's model: scales, the tolerance band, the text alternative, and how each series is told apart.</summary>
public sealed class ChartModelTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static string Percent(decimal v) => v.ToString("0.#", EnGb) + "%";

    /// <summary>The MASH measure of the council's report: 69% in November 2020, 76% in January 2021, then 70%, 85% and 95% targets.</summary>
    private static ChartData Mash(decimal? tolerance = 5m, bool linear = false, Polarity polarity = Polarity.HigherIsBetter,
        IReadOnlyList<ChartComparator>? comparators = null) =>
        new("MASH-CONTACTS-1WD", "Contacts progressed within one working day", Percent, polarity, tolerance, linear,
            new ChartFigure(new DateOnly(2020, 11, 30), 69m, "November 2020"),
            [new(new DateOnly(2020, 11, 30), 69m, "November 2020"), new(new DateOnly(2021, 1, 31), 76m, "January 2021")],
            [new(new DateOnly(2021, 2, 28), 70m), new(new DateOnly(2021, 3, 31), 85m), new(new DateOnly(2021, 4, 30), 95m)],
            comparators ?? []);

    [Fact]
    public void Describe_RisingFiguresBeforeTheNextTarget_StatesTheTrendAndTheTargetThatApplies()
    {
        var text = ChartModel.Describe(Mash(), new DateOnly(2021, 3, 17));

        Assert.Equal("up from 69% to 76% since November 2020; target 85% by March 2021", text);
    }

    [Theory]
    [InlineData(80, 70, "down from 80% to 70% since November 2020")]
    [InlineData(70, 70, "unchanged at 70% since November 2020")]
    [InlineData(70.01, 70.04, "unchanged at 70% since November 2020")]
    public void Describe_FallingOrLevelFigures_SayDownOrUnchanged(double first, double latest, string expected)
    {
        var data = Mash() with
        {
            Actuals = [new(new DateOnly(2020, 11, 30), (decimal)first, "November 2020"), new(new DateOnly(2021, 1, 31), (decimal)latest, "January 2021")],
            Targets = [],
        };

        Assert.Equal(expected, ChartModel.Describe(data, new DateOnly(2021, 3, 17)));
    }

    [Fact]
    public void Describe_AllTargetsPassed_NamesTheLastTarget_AndAProvisionalLatestFigure()
    {
        var data = Mash() with
        {
            Actuals = [new(new DateOnly(2021, 5, 31), 88m, "May 2021", Provisional: true)],
            Targets = [new(new DateOnly(2021, 4, 30), 95m, DateAssumed: true)],
        };

        Assert.Equal("88% (provisional) in May 2021; last target 95% by April 2021 (date assumed)",
            ChartModel.Describe(data, new DateOnly(2021, 6, 16)));
    }

    [Fact]
    public void Describe_NoFigures_SaysSo()
    {
        var data = Mash() with { Actuals = [], Baseline = null };

        Assert.Equal("no figures yet; target 70% by February 2021", ChartModel.Describe(data, new DateOnly(2021, 1, 1)));
    }

    [Fact]
    public void For_NothingToDraw_IsNull()
    {
        Assert.Null(ChartModel.For(Mash() with { Actuals = [], Targets = [] }, new DateOnly(2021, 3, 17)));
    }

    [Fact]
    public void For_MonthEndFiguresAndTargets_StandOnTheirOwnMonthsTicks()
    {
        var chart = ChartModel.For(Mash(), new DateOnly(2021, 3, 17))!;

        var ticks = chart.XTicks.ToDictionary(t => t.Label, t => t.Position);
        Assert.Equal(["Nov 2020", "Dec 2020", "Jan 2021", "Feb 2021", "Mar 2021", "Apr 2021"], ticks.Keys);
        var actual = chart.Series.Single(s => s.Key == "actual");
        Assert.Equal(ticks["Nov 2020"], actual.Markers[0].X, precision: 6);
        Assert.Equal(ticks["Jan 2021"], actual.Markers[1].X, precision: 6);
        var target = chart.Series.Single(s => s.Key == "target");
        Assert.Equal([ticks["Feb 2021"], ticks["Mar 2021"], ticks["Apr 2021"]], target.Markers.Select(m => m.X));
        Assert.All(chart.XTicks, t => Assert.InRange(t.Position, ChartModel.Left, ChartModel.PlotRight));
    }

    [Fact]
    public void For_Percentages_RunFromZeroToOneHundred_WithValuesPlacedOnThatScale()
    {
        var chart = ChartModel.For(Mash(), new DateOnly(2021, 3, 17))!;

        Assert.Equal(0, chart.YMin);
        Assert.Equal(100, chart.YMax);
        Assert.Equal(["0%", "25%", "50%", "75%", "100%"], chart.YTicks.Select(t => t.Label));
        Assert.Equal(ChartModel.PlotBottom, chart.YTicks[0].Position, precision: 6);
        Assert.Equal(ChartModel.Top, chart.YTicks[^1].Position, precision: 6);
        var actual = chart.Series.Single(s => s.Key == "actual");
        Assert.Equal(ChartModel.PlotBottom - (0.69 * ChartModel.PlotHeight), actual.Markers[0].Y, precision: 6);
    }

    [Theory]
    [InlineData(new[] { 17.9, 17.4, 24.1 }, 0, 30, 10)]
    [InlineData(new[] { 290.0, 400.0 }, 0, 500, 100)]
    [InlineData(new[] { -3.0, 4.0 }, -4, 6, 2)]
    public void YScale_OtherUnits_StartAtZeroOrBelowAndEndOnARoundValueAboveTheLargest(double[] values, double min, double max, double step)
    {
        var (lo, hi, by) = ChartModel.YScale([.. values.Select(v => (decimal)v)], percent: false);

        Assert.Equal((decimal)min, lo);
        Assert.Equal((decimal)max, hi);
        Assert.Equal((decimal)step, by);
    }

    [Fact]
    public void For_SteppedTrajectory_HoldsEachTargetUntilTheNext_AndStartsOnTheBaseline()
    {
        var chart = ChartModel.For(Mash(), new DateOnly(2021, 3, 17))!;

        var corners = Points(chart.Series.Single(s => s.Key == "target").Path);
        // Baseline (Nov 2020, 69%), straight to 70% (Feb), held at 70% to 31 March, up to 85%, held to 30 April, up to 95%.
        Assert.Equal(6, corners.Count);
        Assert.Equal(corners[1].Y, corners[2].Y, precision: 6);
        Assert.Equal(corners[2].X, corners[3].X, precision: 6);
        Assert.Equal(corners[3].Y, corners[4].Y, precision: 6);
    }

    [Fact]
    public void For_LinearTrajectory_RunsStraightBetweenTargets()
    {
        var chart = ChartModel.For(Mash(linear: true), new DateOnly(2021, 3, 17))!;

        Assert.Equal(4, Points(chart.Series.Single(s => s.Key == "target").Path).Count);
    }

    [Theory]
    [InlineData(Polarity.HigherIsBetter, 1)]
    [InlineData(Polarity.LowerIsBetter, -1)]
    public void For_Tolerance_ShadesABandOfThatWidthOnTheSideThatMissesTheTarget(Polarity polarity, int below)
    {
        var chart = ChartModel.For(Mash(tolerance: 5m, polarity: polarity), new DateOnly(2021, 3, 17))!;

        var target = Points(chart.Series.Single(s => s.Key == "target").Path);
        var band = chart.BandPath!.Replace("M ", "", StringComparison.Ordinal).Replace(" Z", "", StringComparison.Ordinal)
            .Split(" L ").Select(Point).ToList();
        Assert.Equal(target.Count * 2, band.Count);
        var fivePoints = 0.05 * ChartModel.PlotHeight;
        for (var i = 0; i < target.Count; i++)
        {
            var across = band[band.Count - 1 - i];
            Assert.InRange(Math.Abs(target[i].X - across.X), 0, 0.11);
            Assert.InRange(Math.Abs(target[i].Y + (below * fivePoints) - across.Y), 0, 0.11);
        }

        Assert.Contains(chart.Legend, l => l.Kind == ChartLegendKind.Band
            && l.Label == $"Amber band: within 5 points {(below > 0 ? "below" : "above")} the target");
    }

    [Theory]
    [InlineData(Polarity.Neutral, 5)]
    [InlineData(Polarity.HigherIsBetter, null)]
    public void For_NoDirectionOrNoTolerance_HasNoBand(Polarity polarity, int? tolerance)
    {
        var chart = ChartModel.For(Mash(tolerance: tolerance, polarity: polarity), new DateOnly(2021, 3, 17))!;

        Assert.Null(chart.BandPath);
        Assert.DoesNotContain(chart.Legend, l => l.Kind == ChartLegendKind.Band);
    }

    [Fact]
    public void For_EverySeries_DiffersFromTheOthersInDashMarkerAndColour_AndIsInTheLegend()
    {
        var chart = ChartModel.For(Mash(comparators:
        [
            new("England", 75m, "2019-20", new DateOnly(2020, 3, 31)),
            new("West Midlands", 72m, "2019-20", new DateOnly(2020, 3, 31)),
            new("Statistical neighbours", 71m, "2018-19", new DateOnly(2019, 3, 31)),
            new("Statistical neighbours", 73m, "2019-20", new DateOnly(2020, 3, 31)),
        ]), new DateOnly(2021, 3, 17))!;

        Assert.Equal(5, chart.Series.Count);
        Assert.Equal(chart.Series.Count, chart.Series.Select(s => s.Style.Dash).Distinct().Count());
        Assert.Equal(chart.Series.Count, chart.Series.Select(s => s.Style.Marker).Distinct().Count());
        Assert.Equal(chart.Series.Count, chart.Series.Select(s => s.Style.Colour).Distinct().Count());
        Assert.Equal(string.Empty, chart.Series.Single(s => s.Key == "actual").Style.Dash);
        Assert.All(chart.Series, s => Assert.Contains(chart.Legend, l => l.Label == s.Name && l.Style == s.Style && l.Kind == ChartLegendKind.Line));
        Assert.Contains(chart.Series, s => s.Name == "England: 75% (2019-20)");
        var neighbours = chart.Series.Single(s => s.Name == "Statistical neighbours");
        Assert.Equal(2, neighbours.Markers.Count);
        Assert.Equal(new DateOnly(2019, 3, 16), chart.XFrom);
    }

    [Fact]
    public void For_ManyLegendEntries_WrapInsideTheChart_AndTheChartGrowsToHoldThem()
    {
        var chart = ChartModel.For(Mash(comparators:
        [
            new("England", 75m, "2019-20", null),
            new("West Midlands region", 72m, "2019-20", null),
            new("Statistical neighbours' average (9 of 10)", 71m, "2019-20", null),
        ]), new DateOnly(2021, 3, 17))!;

        Assert.True(chart.Legend.Select(l => l.Y).Distinct().Count() > 1, "The legend did not wrap.");
        Assert.All(chart.Legend, l => Assert.True(l.X + 38 + (l.Label.Length * ChartModel.FontSize * 0.56) <= ChartModel.Width + 1, $"'{l.Label}' runs off the chart."));
        Assert.True(chart.Height >= chart.Legend.Max(l => l.Y) + 10);
    }

    [Fact]
    public void Text_PrintsAtNinePointsOrMore_WhenTheChartPrintsAtItsOwnWidth()
    {
        // A portrait A4 page with 16 mm margins is 178 mm (504 pt) wide: the chart fits at one unit to a CSS pixel
        // and leaves at least 144 pt (2 inches) for its figures table beside it.
        Assert.True(ChartModel.Width * ChartModel.PointsPerUnit <= 504 - 144);
        Assert.True(ChartModel.FontSize * ChartModel.PointsPerUnit >= 9);
    }

    [Fact]
    public void For_Figures_AreTabledWithTheirPeriods_ProvisionalAndAssumedDatesSaid()
    {
        var data = Mash(comparators: [new("England", 75m, "2019-20", null)]) with
        {
            Actuals = [new(new DateOnly(2021, 1, 31), 76m, "January 2021", Provisional: true)],
            Targets = [new(new DateOnly(2021, 3, 31), 85m, DateAssumed: true)],
        };

        var chart = ChartModel.For(data, new DateOnly(2021, 3, 17))!;

        Assert.Equal(
            [
                new ChartTableRow("Baseline", "November 2020", "69%"),
                new ChartTableRow("Actual", "January 2021", "76% (provisional)"),
                new ChartTableRow("Target", "by 31 March 2021 (date assumed)", "85%"),
                new ChartTableRow("England", "2019-20", "75%"),
            ],
            chart.Figures);
        Assert.True(chart.Series.Single(s => s.Key == "actual").Markers.Single().Hollow);
        Assert.Contains(chart.Legend, l => l.Label == "Provisional figure" && l.Kind == ChartLegendKind.Marker);
    }

    [Theory]
    [InlineData(ChartMarker.Circle)]
    [InlineData(ChartMarker.Square)]
    [InlineData(ChartMarker.Triangle)]
    [InlineData(ChartMarker.Diamond)]
    [InlineData(ChartMarker.Cross)]
    [InlineData(ChartMarker.TriangleDown)]
    public void MarkerPath_EachShape_IsCentredOnItsPoint(ChartMarker marker)
    {
        var numbers = ChartModel.MarkerPath(marker, 100, 50).Split(' ', ',')
            .Where(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList();

        Assert.NotEmpty(numbers);
        Assert.All(numbers, n => Assert.True(Math.Abs(n - 100) <= 8 || Math.Abs(n - 50) <= 8 || n <= 5, $"{marker}: {n} is far from the point."));
    }

    private static List<(double X, double Y)> Points(string path) => [.. path.Split(' ').Select(Point)];

    private static (double X, double Y) Point(string pair)
    {
        var parts = pair.Split(',');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
