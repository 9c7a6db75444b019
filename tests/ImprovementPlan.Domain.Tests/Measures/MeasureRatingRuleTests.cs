using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;
using RagColour = ImprovementPlan.Domain.Rag.Rag;

namespace ImprovementPlan.Domain.Tests.Measures;

public class MeasureRatingRuleTests
{
    private static readonly DateOnly Baseline = new(2020, 9, 30);

    // Higher is better, percentages, 5-point tolerance: 45% at the end of September 2020 towards 70% by February 2021,
    // then 85% by March and 95% by April 2021 (the council's case supervision profile, with an earlier baseline).
    private static MeasureFacts Supervision(TrajectoryShape shape, params ActualPoint[] actuals) => new()
    {
        Unit = MeasureUnit.Percent,
        Polarity = Polarity.HigherIsBetter,
        Tolerance = 5m,
        Frequency = MeasureFrequency.Monthly,
        LagDays = 14,
        Shape = shape,
        Baseline = new TargetPoint(Baseline, 45m),
        Targets =
        [
            new(new DateOnly(2021, 2, 28), 70m),
            new(new DateOnly(2021, 3, 31), 85m),
            new(new DateOnly(2021, 4, 30), 95m),
        ],
        Actuals = actuals,
    };

    // Lower is better, one decimal place, tolerance of 1: average caseload towards 18 from April 2021.
    private static MeasureFacts Caseload(params ActualPoint[] actuals) => new()
    {
        Unit = MeasureUnit.Ratio,
        DecimalPlaces = 1,
        Polarity = Polarity.LowerIsBetter,
        Tolerance = 1m,
        Frequency = MeasureFrequency.Monthly,
        LagDays = 14,
        Targets = [new(new DateOnly(2021, 4, 30), 18m)],
        Actuals = actuals,
    };

    private static ActualPoint Month(int year, int month, decimal value, DateOnly? asAt = null)
    {
        var end = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return new ActualPoint(new DateOnly(year, month, 1), end, value, asAt ?? end.AddDays(10));
    }

    private static readonly DateOnly June2021 = new(2021, 6, 1);

    public static TheoryData<decimal, RagColour?, string> SteppedInApril2021 => new()
    {
        // April's target is 95%; March's step of 85% no longer applies.
        { 96m, RagColour.Green, "96% in April 2021. The target from April 2021 is 95%: on track, 1 point better." },
        { 95m, RagColour.Green, "95% in April 2021. The target from April 2021 is 95%: on track." },
        { 90m, RagColour.Amber, "90% in April 2021. The target from April 2021 is 95%: 5 points short, within the 5-point tolerance." },
        { 89m, RagColour.Red, "89% in April 2021. The target from April 2021 is 95%: 6 points short, beyond the 5-point tolerance." },
    };

    [Theory]
    [MemberData(nameof(SteppedInApril2021))]
    public void Stepped_HigherIsBetter_ComparesWithTheLatestTargetOnOrBeforeThePeriodEnd(decimal value, RagColour? rag, string reason)
    {
        var rating = MeasureRatingRule.Rate(Supervision(TrajectoryShape.Stepped, Month(2021, 4, value)), June2021);

        Assert.Equal(MeasureRatingStatus.Rated, rating.Status);
        Assert.Equal(rag, rating.Rag);
        Assert.Equal(95m, rating.Expected);
        Assert.Equal(reason, rating.Reason);
    }

    [Fact]
    public void Stepped_BetweenTargets_UsesTheEarlierStepAndNamesTheNext()
    {
        var rating = MeasureRatingRule.Rate(Supervision(TrajectoryShape.Stepped, Month(2021, 3, 80m)), new DateOnly(2021, 4, 10));

        Assert.Equal(RagColour.Amber, rating.Rag);
        Assert.Equal(85m, rating.Expected);
        Assert.Equal("80% in March 2021. The target from March 2021 is 85%, then 95% by April 2021: 5 points short, within the 5-point tolerance.",
            rating.Reason);
    }

    public static TheoryData<int, int, decimal, decimal, RagColour> Linear => new()
    {
        // A figure for the month a target falls in is compared with that target.
        { 2021, 3, 85m, 85m, RagColour.Green },
        // Before the first target, on the line from 45% (30 September 2020): 45 + 25 × 123/151 = 65.4, so about 65%.
        { 2021, 1, 65m, 65m, RagColour.Green },
        { 2021, 1, 60m, 65m, RagColour.Amber },
        { 2021, 1, 59m, 65m, RagColour.Red },
    };

    [Theory]
    [MemberData(nameof(Linear))]
    public void Linear_InterpolatesBetweenBaselineAndTargets(int year, int month, decimal value, decimal expected, RagColour rag)
    {
        var figure = Month(year, month, value);
        var rating = MeasureRatingRule.Rate(Supervision(TrajectoryShape.Linear, figure), figure.AsAt);

        Assert.Equal(expected, rating.Expected);
        Assert.Equal(rag, rating.Rag);
    }

    [Fact]
    public void Linear_BetweenTwoTargets_SaysWhatItShouldBeOnTheWay()
    {
        // From 70% (28 February) to 95% (30 April): March's figure is compared with the point the line reaches on 31 March.
        var facts = Supervision(TrajectoryShape.Linear, Month(2021, 3, 80m)) with
        {
            Targets = [new(new DateOnly(2021, 2, 28), 70m), new(new DateOnly(2021, 4, 30), 95m)],
        };

        var rating = MeasureRatingRule.Rate(facts, new DateOnly(2021, 4, 10));

        // 70 + 25 × 31/61 = 82.7, shown to the measure's 0 decimal places as 83.
        Assert.Equal(83m, rating.Expected);
        Assert.Equal(RagColour.Amber, rating.Rag);
        Assert.Equal("80% in March 2021. To reach 95% by April 2021 it should be about 83% for March 2021: 3 points short, within the 5-point tolerance.",
            rating.Reason);
    }

    [Fact]
    public void BeforeTheFirstTarget_UsesTheLineFromTheBaseline_AndSaysHowFarShort()
    {
        // 45% at 30 September 2020 to 70% at 28 February 2021: 151 days; 30 November is 61 days in, so about 55%.
        var rating = MeasureRatingRule.Rate(Supervision(TrajectoryShape.Stepped, Month(2020, 11, 42m)), new DateOnly(2021, 1, 5));

        Assert.Equal(55m, rating.Expected);
        Assert.Equal(RagColour.Red, rating.Rag);
        Assert.Equal(new DateOnly(2021, 2, 28), rating.Target!.Date);
        Assert.Equal("42% in November 2020. To reach 70% by February 2021 it should be about 55% for November 2020: 13 points short, beyond the 5-point tolerance.",
            rating.Reason);
    }

    [Fact]
    public void BeforeTheFirstTarget_WithoutABaseline_IsNotRatedAndSaysWhy()
    {
        var facts = Supervision(TrajectoryShape.Stepped, Month(2020, 11, 45m)) with { Baseline = null };

        var rating = MeasureRatingRule.Rate(facts, new DateOnly(2021, 1, 5));

        Assert.Equal(MeasureRatingStatus.NotRated, rating.Status);
        Assert.Null(rating.Rag);
        Assert.Equal("45% in November 2020. Not rated: the first target, 70% by February 2021, comes after this figure and no baseline has been recorded to draw a line to it from.",
            rating.Reason);
    }

    [Fact]
    public void TheBaselineFigureItself_IsNotRatedYet()
    {
        var rating = MeasureRatingRule.Rate(Supervision(TrajectoryShape.Stepped, Month(2020, 9, 45m)), new DateOnly(2020, 12, 1));

        Assert.Equal(MeasureRatingStatus.NotRated, rating.Status);
        Assert.Equal("Not rated yet: 45% in September 2020 is from the baseline the trajectory starts from. The first target is 70% by February 2021.",
            rating.Reason);
    }

    public static TheoryData<decimal, RagColour?> CaseloadsInMay2021 => new()
    {
        { 17.4m, RagColour.Green },
        { 18m, RagColour.Green },
        { 18.5m, RagColour.Amber },
        { 19m, RagColour.Amber }, // exactly the tolerance of 1 above the target
        { 19.1m, RagColour.Red },
        { 24.1m, RagColour.Red },
    };

    [Theory]
    [MemberData(nameof(CaseloadsInMay2021))]
    public void LowerIsBetter_GreenAtOrBelowTarget_AmberUpToTheToleranceAbove(decimal caseload, RagColour? rag)
    {
        var rating = MeasureRatingRule.Rate(Caseload(Month(2021, 5, caseload)), new DateOnly(2021, 6, 20));

        Assert.Equal(rag, rating.Rag);
    }

    [Fact]
    public void LowerIsBetter_ReasonSaysTooHigh()
    {
        var rating = MeasureRatingRule.Rate(Caseload(Month(2021, 5, 24.1m)), new DateOnly(2021, 6, 20));

        Assert.Equal("24.1 in May 2021. The target from April 2021 is 18.0: 6.1 too high, beyond the tolerance of 1.0.", rating.Reason);
    }

    [Fact]
    public void NoDirection_IsTrackedNotRated_WithTheReason()
    {
        var facts = Caseload(Month(2021, 1, 38m)) with { Polarity = Polarity.Neutral, DecimalPlaces = 0, Unit = MeasureUnit.Count };

        var rating = MeasureRatingRule.Rate(facts, new DateOnly(2021, 3, 1));

        Assert.Equal(MeasureRatingStatus.Tracked, rating.Status);
        Assert.Null(rating.Rag);
        Assert.Equal("Tracked", rating.Word);
        Assert.Equal("38 in January 2021. Tracked, not rated: neither a higher nor a lower figure is better.", rating.Reason);
    }

    public static TheoryData<string, MeasureRatingStatus, string> PassedTargetWithNoFigure => new()
    {
        // February's figure is due 14 days after the month ends: 14 March 2021.
        { "2021-03-14", MeasureRatingStatus.NotRated, "Not rated yet: 45% in September 2020 is from the baseline the trajectory starts from. The first target is 70% by February 2021." },
        { "2021-03-15", MeasureRatingStatus.FigureOverdue, "Figure overdue: there is no figure for February 2021, when the target was 70%, and it was due by 14 March 2021. The latest figure is 45% in September 2020." },
    };

    [Theory]
    [MemberData(nameof(PassedTargetWithNoFigure))]
    public void ATargetWhoseFigureIsDueAndMissing_IsFigureOverdue(string asAt, MeasureRatingStatus status, string reason)
    {
        var rating = MeasureRatingRule.Rate(Supervision(TrajectoryShape.Stepped, Month(2020, 9, 45m)), DateOnly.Parse(asAt, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(status, rating.Status);
        Assert.Null(rating.Rag);
        Assert.Equal(reason, rating.Reason);
    }

    [Fact]
    public void AFigureForTheTargetsPeriod_ClearsTheOverdue()
    {
        var rating = MeasureRatingRule.Rate(Supervision(TrajectoryShape.Stepped, Month(2020, 9, 45m), Month(2021, 2, 72m)), new DateOnly(2021, 3, 20));

        Assert.Equal(RagColour.Green, rating.Rag);
        Assert.Equal(new DateOnly(2021, 2, 28), rating.Actual!.PeriodEnd);
    }

    [Fact]
    public void AFigureProducedAfterTheDate_IsIgnored()
    {
        // February's 72% was produced on 20 March; as at 16 March only the older figure is known, and February's is overdue.
        var facts = Supervision(TrajectoryShape.Stepped, Month(2020, 9, 45m), Month(2021, 2, 72m, asAt: new DateOnly(2021, 3, 20)));

        var before = MeasureRatingRule.Rate(facts, new DateOnly(2021, 3, 16));
        var after = MeasureRatingRule.Rate(facts, new DateOnly(2021, 3, 20));

        Assert.Equal(MeasureRatingStatus.FigureOverdue, before.Status);
        Assert.Equal(new DateOnly(2020, 9, 30), before.Actual!.PeriodEnd);
        Assert.Equal(RagColour.Green, after.Rag);
    }

    [Fact]
    public void NoFigureYet_AndNoTargetPassed_IsNotRatedYet()
    {
        var rating = MeasureRatingRule.Rate(Supervision(TrajectoryShape.Stepped), new DateOnly(2021, 1, 1));

        Assert.Equal(MeasureRatingStatus.NotRated, rating.Status);
        Assert.Equal("Not rated yet: no figure has been recorded. The first target is 70% by February 2021.", rating.Reason);
    }

    [Fact]
    public void NoTarget_IsNotRated_SayingSo()
    {
        var facts = Caseload(Month(2021, 1, 20m)) with { Targets = [] };

        var rating = MeasureRatingRule.Rate(facts, new DateOnly(2021, 3, 1));

        Assert.Equal("20.0 in January 2021. Not rated: no target has been set to compare it with.", rating.Reason);
    }

    [Fact]
    public void AssumedTargetDates_AreSaidToBeAssumed()
    {
        var facts = Caseload(Month(2021, 5, 18.5m)) with { Targets = [new(new DateOnly(2021, 3, 17), 18m, DateAssumed: true)] };

        var rating = MeasureRatingRule.Rate(facts, new DateOnly(2021, 6, 20));

        Assert.Contains("The target from 17 March 2021 (date assumed) is 18.0", rating.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Retired_IsNotRated_AndSaysWhen()
    {
        var facts = Caseload(Month(2021, 5, 18.5m)) with { RetiredOn = new DateOnly(2021, 6, 1) };

        var rating = MeasureRatingRule.Rate(facts, new DateOnly(2021, 6, 20));

        Assert.Equal("Not rated: the measure was retired on 1 June 2021. Its last figure was 18.5 in May 2021.", rating.Reason);
    }
}
