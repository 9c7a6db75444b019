using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Features.Reports;

namespace ImprovementPlan.Web.Tests.Features.Reports;

/// <summary>A measure's figures as a report shows them as at its date: produced by then, direction of travel, "no newer figure since …".</summary>
public sealed class MeasureFiguresTests
{
    [Theory]
    [InlineData(Polarity.HigherIsBetter, 69, 76, "Better: up from 69% in November 2020")]
    [InlineData(Polarity.HigherIsBetter, 76, 69, "Worse: down from 69% in November 2020")]
    [InlineData(Polarity.LowerIsBetter, 76, 69, "Better: down from 69% in November 2020")]
    [InlineData(Polarity.LowerIsBetter, 69, 76, "Worse: up from 69% in November 2020")]
    [InlineData(Polarity.Neutral, 69, 76, "Up from 69% in November 2020")]
    [InlineData(Polarity.Neutral, 76, 69, "Down from 69% in November 2020")]
    [InlineData(Polarity.HigherIsBetter, 69.04, 69.01, "No change from 69% in November 2020")]
    [InlineData(Polarity.LowerIsBetter, 70, 70, "No change from 69% in November 2020")]
    public void Travel_FromThePreviousFigure_SaysBetterOrWorseByPolarity(Polarity polarity, double previous, double latest, string expected)
    {
        Assert.Equal(expected, MeasureFigures.Travel(polarity, (decimal)previous, (decimal)latest, 0, "69% in November 2020"));
    }

    private static Measure Monthly(int lagDays = 20)
    {
        var measure = new Measure(1, "MASH", new MeasureDefinition
        {
            Name = "Contacts progressed within one working day",
            Unit = MeasureUnit.Percent,
            Polarity = Polarity.HigherIsBetter,
            Tolerance = 5,
            Frequency = MeasureFrequency.Monthly,
            LagDays = lagDays,
        });
        measure.SetBaseline(69m, MeasurePeriod.Containing(MeasureFrequency.Monthly, new DateOnly(2020, 11, 1)));
        measure.AddTarget(new DateOnly(2021, 3, 31), 85m, null, null, dateAssumed: false);
        measure.AddTarget(new DateOnly(2021, 9, 30), 95m, null, null, dateAssumed: true);
        Record(measure, 2020, 11, 69m, new DateOnly(2020, 12, 10));
        Record(measure, 2021, 1, 76m, new DateOnly(2021, 2, 12));
        Record(measure, 2021, 5, 88m, new DateOnly(2021, 6, 14), provisional: true);
        return measure;
    }

    private static void Record(Measure measure, int year, int month, decimal value, DateOnly asAt, bool provisional = false) =>
        measure.RecordActual(MeasurePeriod.Containing(MeasureFrequency.Monthly, new DateOnly(year, month, 1)), value, null, provisional, asAt, null, null);

    [Fact]
    public void For_AReportDate_UsesOnlyTheFiguresProducedByThen()
    {
        var march = MeasureFigures.For(Monthly(), 1, new DateOnly(2021, 3, 17));
        var june = MeasureFigures.For(Monthly(), 1, new DateOnly(2021, 6, 16));
        var beforeJuneFigure = MeasureFigures.For(Monthly(), 1, new DateOnly(2021, 6, 13));

        Assert.Equal(("76%", "January 2021"), (march.Latest!.Value, march.Latest.Period));
        Assert.Equal(("69%", "November 2020"), (march.Previous!.Value, march.Previous.Period));
        Assert.Equal("Better: up from 69% in November 2020", march.Travel);
        Assert.Equal(["69%", "76%"], march.Actuals.Select(a => a.Value));

        Assert.Equal(("88%", "May 2021", true), (june.Latest!.Value, june.Latest.Period, june.Latest.Provisional));
        Assert.Equal("Better: up from 76% in January 2021", june.Travel);
        Assert.Equal(new DateOnly(2021, 6, 14), june.Latest.AsAt);
        Assert.Equal("76%", beforeJuneFigure.Latest!.Value);
        Assert.DoesNotContain(march.Chart!.Series.Single(s => s.Key == "actual").Markers, m => m.Label.StartsWith("88%", StringComparison.Ordinal));
    }

    [Fact]
    public void For_ALatestFigureOlderThanFrequencyAndLagAllow_SaysNoNewerFigureSince()
    {
        var march = MeasureFigures.For(Monthly(), 1, new DateOnly(2021, 3, 17));
        var earlyMarch = MeasureFigures.For(Monthly(lagDays: 20), 1, new DateOnly(2021, 3, 19));
        var june = MeasureFigures.For(Monthly(), 1, new DateOnly(2021, 6, 16));

        // February's figure was due 20 days after 28 February: by 20 March 2021.
        Assert.Null(march.NoNewerFigure);
        Assert.Null(earlyMarch.NoNewerFigure);
        var april = MeasureFigures.For(Monthly(), 1, new DateOnly(2021, 4, 2));
        Assert.Equal("No newer figure since January 2021: the figure for February 2021 was due by 20 March 2021.", april.NoNewerFigure);
        Assert.Equal(new OverdueFigure("February 2021", new DateOnly(2021, 3, 20)), april.Overdue);
        Assert.Null(june.NoNewerFigure);
    }

    [Fact]
    public void For_TargetsAndRating_MarkTheTargetThatAppliesAndCarryTheReason()
    {
        var march = MeasureFigures.For(Monthly(), 1, new DateOnly(2021, 3, 17));

        Assert.Equal(["85% by March 2021", "95% by September 2021 (date assumed)"], march.Trajectory.Select(t => $"{t.Value} by {t.When}"));
        Assert.Equal(march.Rating.Target?.Date, march.Trajectory.Single(t => t.Applies).Date);
        Assert.Equal(march.Rating.Reason, Monthly().RateAsAt(new DateOnly(2021, 3, 17)).Reason);
        Assert.False(string.IsNullOrWhiteSpace(march.Rating.Reason));
        Assert.Equal(("69%", "November 2020"), (march.Baseline!.Value, march.Baseline.Period));
    }

    [Fact]
    public void For_Comparators_ShowEachOnesLatestFigureForAPeriodEndedByTheDate()
    {
        var measure = Monthly();
        var year = MeasurePeriod.Containing(MeasureFrequency.DfeReportingYear, new DateOnly(2019, 4, 1));
        var nextYear = MeasurePeriod.Containing(MeasureFrequency.DfeReportingYear, new DateOnly(2020, 4, 1));
        measure.RecordComparator(ComparatorKind.England, "England", 75m, year, "2019-20", "DfE", null);
        measure.RecordComparator(ComparatorKind.England, "England", 77m, nextYear, "2020-21", "DfE", null);
        measure.RecordComparator(ComparatorKind.StatisticalNeighbours, "Statistical neighbours", 71m, year, "2019-20", "DfE", 9);

        var march = MeasureFigures.For(measure, 1, new DateOnly(2021, 3, 17));
        var june = MeasureFigures.For(measure, 1, new DateOnly(2021, 6, 16));

        Assert.Equal(["Statistical neighbours (9 neighbours): 71% (2019-20)", "England: 75% (2019-20)"],
            march.Comparators.Select(c => $"{c.Name}: {c.Value} ({c.Period})"));
        Assert.Contains(june.Comparators, c => c.Name == "England" && c.Value == "77%" && c.Period == "2020-21");
    }
}
