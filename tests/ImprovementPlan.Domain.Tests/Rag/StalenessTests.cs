using ImprovementPlan.Domain.Rag;

namespace ImprovementPlan.Domain.Tests.Rag;

public class StalenessTests
{
    // The day of the Children's Services Scrutiny Committee.
    private static readonly DateOnly Today = new(2021, 3, 17);
    private static readonly RagSettings Settings = new();

    [Theory]
    [InlineData(-1, false)] // dated after today
    [InlineData(0, false)]
    [InlineData(13, false)]
    [InlineData(14, false)] // exactly ReviewCycleDays
    [InlineData(15, true)] // one day more
    [InlineData(100, true)]
    public void IsStale_NotComplete_DependsOnDaysSinceTheLastApprovedUpdate(int daysAgo, bool expected)
    {
        var stale = Staleness.IsStale(Today.AddDays(-daysAgo), isComplete: false, Today, Settings);

        Assert.Equal(expected, stale);
    }

    [Fact]
    public void IsStale_NoApprovedUpdateEver_IsStale()
    {
        Assert.True(Staleness.IsStale(null, isComplete: false, Today, Settings));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(15)]
    [InlineData(400)]
    public void IsStale_Complete_IsNeverStale(int? daysAgo)
    {
        var lastApprovedUpdateOn = daysAgo is { } ago ? Today.AddDays(-ago) : (DateOnly?)null;

        Assert.False(Staleness.IsStale(lastApprovedUpdateOn, isComplete: true, Today, Settings));
    }

    [Theory]
    [InlineData(28, false)]
    [InlineData(29, true)]
    public void IsStale_ReviewCycleComesFromTheSettings(int daysAgo, bool expected)
    {
        var settings = new RagSettings { ReviewCycleDays = 28 };

        Assert.Equal(expected, Staleness.IsStale(Today.AddDays(-daysAgo), isComplete: false, Today, settings));
    }

    public static TheoryData<DateOnly?, DateOnly, int?> Days => new()
    {
        { null, new(2021, 3, 17), null },
        { new(2021, 3, 17), new(2021, 3, 17), 0 },
        { new(2021, 3, 2), new(2021, 3, 17), 15 },
        { new(2020, 12, 31), new(2021, 1, 1), 1 }, // across a year end
        { new(2020, 2, 28), new(2020, 3, 1), 2 }, // across a leap day
        { new(2021, 3, 18), new(2021, 3, 17), -1 },
    };

    [Theory]
    [MemberData(nameof(Days))]
    public void DaysSinceUpdate_CountsWholeDaysToToday(DateOnly? lastApprovedUpdateOn, DateOnly today, int? expected)
    {
        Assert.Equal(expected, Staleness.DaysSinceUpdate(lastApprovedUpdateOn, today));
    }
}
