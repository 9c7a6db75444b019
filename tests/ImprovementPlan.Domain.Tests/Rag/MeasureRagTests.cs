using ImprovementPlan.Domain.Rag;
// The enum shares its name with the Rag namespaces, so inside ImprovementPlan.Domain.Tests.Rag it needs an alias.
using RagColour = ImprovementPlan.Domain.Rag.Rag;

namespace ImprovementPlan.Domain.Tests.Rag;

public class MeasureRagTests
{
    private const decimal Tolerance = 0.05m;

    // Case supervision within one month: 45% in November 2020; target profile 70% February, 85% March, 95% April 2021.
    private static readonly TargetPoint[] SupervisionTrajectory =
    [
        new(new DateOnly(2021, 2, 28), 70m),
        new(new DateOnly(2021, 3, 31), 85m),
        new(new DateOnly(2021, 4, 30), 95m),
    ];

    // Average caseload per social worker: 24.1 in December 2020 against a target caseload of 18.
    private static readonly TargetPoint[] CaseloadTarget = [new(new DateOnly(2020, 12, 1), 18m)];

    private static ActualPoint Month(int year, int month, decimal value) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)), value);

    public static TheoryData<decimal, RagColour> CaseloadsInDecember2020 => new()
    {
        { 24.1m, RagColour.Red },
        { 18.91m, RagColour.Red },
        { 18.9m, RagColour.Amber }, // exactly 5% above the target
        { 18.5m, RagColour.Amber },
        { 18m, RagColour.Green },
        { 17.4m, RagColour.Green },
    };

    [Theory]
    [MemberData(nameof(CaseloadsInDecember2020))]
    public void Rating_LowerIsBetter_GreenAtOrBelowTargetAmberWithinTolerance(decimal caseload, RagColour expected)
    {
        var rating = MeasureRag.Rate(Polarity.LowerIsBetter, CaseloadTarget, Month(2020, 12, caseload), Tolerance);

        Assert.Equal(expected, rating.Rag);
    }

    public static TheoryData<decimal, RagColour> SupervisionInApril2021 => new()
    {
        { 100m, RagColour.Green },
        { 95m, RagColour.Green }, // exactly the target
        { 94.99m, RagColour.Amber },
        { 90.25m, RagColour.Amber }, // exactly 95 x (1 - 0.05)
        { 90.24m, RagColour.Red },
        { 45m, RagColour.Red },
    };

    [Theory]
    [MemberData(nameof(SupervisionInApril2021))]
    public void Rating_HigherIsBetter_GreenAtOrAboveTargetAmberWithinTolerance(decimal percent, RagColour expected)
    {
        var rating = MeasureRag.Rate(Polarity.HigherIsBetter, SupervisionTrajectory, Month(2021, 4, percent), Tolerance);

        Assert.Equal(expected, rating.Rag);
    }

    public static TheoryData<decimal, decimal, RagColour> SupervisionInFebruary2021AtTolerance => new()
    {
        { 0.05m, 66.5m, RagColour.Amber },
        { 0.05m, 66.49m, RagColour.Red },
        { 0.10m, 63m, RagColour.Amber },
        { 0.10m, 62.99m, RagColour.Red },
        { 0m, 69.99m, RagColour.Red },
        { 0m, 70m, RagColour.Green },
    };

    [Theory]
    [MemberData(nameof(SupervisionInFebruary2021AtTolerance))]
    public void Rating_ExactlyAtTheToleranceBoundary_IsAmber(decimal tolerance, decimal percent, RagColour expected)
    {
        var rating = MeasureRag.Rate(Polarity.HigherIsBetter, SupervisionTrajectory, Month(2021, 2, percent), tolerance);

        Assert.Equal(expected, rating.Rag);
    }

    public static TheoryData<DateOnly, DateOnly, decimal?> SupervisionPeriods => new()
    {
        { new(2020, 11, 1), new(2020, 11, 30), null }, // before the first target
        { new(2021, 1, 1), new(2021, 1, 31), null }, // the first target falls after the period
        { new(2021, 2, 1), new(2021, 2, 28), 70m }, // target dated on the period's last day
        { new(2021, 2, 28), new(2021, 3, 6), 70m }, // target dated on the period's first day
        { new(2021, 3, 1), new(2021, 3, 31), 85m }, // the target inside the period, not the earlier one
        { new(2021, 3, 15), new(2021, 3, 21), 70m }, // none inside: the latest earlier target
        { new(2021, 3, 1), new(2021, 4, 30), 95m }, // two inside: the latest of them
        { new(2021, 1, 1), new(2021, 3, 31), 85m }, // two inside, listed after an empty month
        { new(2021, 5, 1), new(2021, 5, 31), 95m }, // after the trajectory ends: the latest earlier target
    };

    [Theory]
    [MemberData(nameof(SupervisionPeriods))]
    public void TargetFor_TheLatestInThePeriodElseTheLatestBefore(DateOnly periodStart, DateOnly periodEnd, decimal? expectedTarget)
    {
        var actual = new ActualPoint(periodStart, periodEnd, 50m);

        var target = MeasureRag.TargetFor(SupervisionTrajectory, actual);
        var rating = MeasureRag.Rate(Polarity.HigherIsBetter, SupervisionTrajectory, actual, Tolerance);

        Assert.Equal(expectedTarget, target?.Value);
        Assert.Equal(target, rating.Target);
    }

    [Fact]
    public void TargetFor_TargetsInAnyOrder_PicksTheSameTarget()
    {
        TargetPoint[] shuffled = [SupervisionTrajectory[2], SupervisionTrajectory[0], SupervisionTrajectory[1]];

        var target = MeasureRag.TargetFor(shuffled, new ActualPoint(new(2021, 3, 1), new(2021, 4, 30), 50m));

        Assert.Equal(new TargetPoint(new DateOnly(2021, 4, 30), 95m), target);
    }

    [Fact]
    public void Rating_ActualBeforeTheFirstTarget_IsNotRated()
    {
        var november2020 = Month(2020, 11, 45m);

        var rating = MeasureRag.Rate(Polarity.HigherIsBetter, SupervisionTrajectory, november2020, Tolerance);

        Assert.Equal(new MeasureRating(null, null, november2020, "No target applies to this period"), rating);
        Assert.False(rating.IsRated);
    }

    [Fact]
    public void Rating_NoTargets_IsNotRated()
    {
        var rating = MeasureRag.Rate(Polarity.LowerIsBetter, [], Month(2020, 12, 24.1m), Tolerance);

        Assert.Null(rating.Rag);
        Assert.Equal("No target applies to this period", rating.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70)]
    [InlineData(200)]
    public void Rating_NeutralPolarity_IsNotRatedEvenWithATarget(int percent)
    {
        var actual = Month(2021, 2, percent);

        var rating = MeasureRag.Rate(Polarity.Neutral, SupervisionTrajectory, actual, Tolerance);

        Assert.Equal(new MeasureRating(null, null, actual, "Not rated: neither higher nor lower is better"), rating);
    }

    public static TheoryData<Polarity, decimal, RagColour, string> Reasons => new()
    {
        { Polarity.LowerIsBetter, 24.1m, RagColour.Red, "Misses the target of 18 for 1 December 2020 by more than 5%" },
        { Polarity.LowerIsBetter, 18.5m, RagColour.Amber, "Within 5% of the target of 18 for 1 December 2020" },
        { Polarity.LowerIsBetter, 18.0m, RagColour.Green, "Meets the target of 18 for 1 December 2020" },
        { Polarity.HigherIsBetter, 17.5m, RagColour.Amber, "Within 5% of the target of 18 for 1 December 2020" },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Reason_SaysHowTheActualComparesWithTheTarget(Polarity polarity, decimal value, RagColour expected, string expectedReason)
    {
        var rating = MeasureRag.Rate(polarity, CaseloadTarget, Month(2020, 12, value), Tolerance);

        Assert.Equal(expected, rating.Rag);
        Assert.Equal(expectedReason, rating.Reason);
    }

    [Fact]
    public void Rate_NegativeTolerance_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => MeasureRag.Rate(Polarity.HigherIsBetter, SupervisionTrajectory, Month(2021, 2, 70m), -0.01m));
    }

    // Contacts progressed within one working day: 69% in November 2020, 76% in January 2021.
    // The report gives no target for contacts; 75 from April 2020 is illustrative.
    private static readonly TargetPoint[] ContactsTarget = [new(new DateOnly(2020, 4, 1), 75m)];

    [Fact]
    public void RateLatest_RatesTheActualWithTheLatestPeriodEndWhateverTheOrder()
    {
        var january2021 = Month(2021, 1, 76m);
        ActualPoint[] actuals = [january2021, Month(2020, 11, 69m)];

        var rating = MeasureRag.RateLatest(Polarity.HigherIsBetter, ContactsTarget, actuals, Tolerance);

        Assert.Equal(RagColour.Green, rating.Rag);
        Assert.Equal(january2021, rating.Actual);
    }

    [Fact]
    public void RateLatest_OnlyNovember2020_IsRedAgainstTheSameTarget()
    {
        var rating = MeasureRag.RateLatest(Polarity.HigherIsBetter, ContactsTarget, [Month(2020, 11, 69m)], Tolerance);

        Assert.Equal(RagColour.Red, rating.Rag);
    }

    [Fact]
    public void RateLatest_TwoActualsEndingTheSameDay_RatesTheShorterPeriod()
    {
        var quarter = new ActualPoint(new(2021, 1, 1), new(2021, 3, 31), 80m);
        var march = Month(2021, 3, 60m);

        var rating = MeasureRag.RateLatest(Polarity.HigherIsBetter, SupervisionTrajectory, [quarter, march], Tolerance);

        Assert.Equal(march, rating.Actual);
        Assert.Equal(RagColour.Red, rating.Rag);
    }

    [Fact]
    public void RateLatest_NoActuals_IsNotRated()
    {
        var rating = MeasureRag.RateLatest(Polarity.HigherIsBetter, SupervisionTrajectory, [], Tolerance);

        Assert.Equal(new MeasureRating(null, null, null, "No actuals recorded"), rating);
    }
}
