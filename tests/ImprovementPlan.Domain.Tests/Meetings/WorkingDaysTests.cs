using ImprovementPlan.Domain.Meetings;

namespace ImprovementPlan.Domain.Tests.Meetings;

/// <summary>The update deadline: five working days before a meeting, skipping weekends and bank holidays.</summary>
public class WorkingDaysTests
{
    private static readonly WorkingDays EnglandChristmas2026 = new([new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 28)]);

    [Theory]
    [InlineData("2026-12-08", "2026-12-01")] // Tuesday: back over one weekend to the Tuesday before
    [InlineData("2026-12-07", "2026-11-30")] // Monday: the Monday before
    [InlineData("2026-12-12", "2026-12-07")] // a Saturday meeting: five weekdays back is the Monday
    public void DeadlineFor_WeekendsOnly_IsFiveWeekdaysBefore(string meeting, string expected)
    {
        var deadline = WorkingDays.WeekendsOnly.DeadlineFor(DateOnly.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), deadline);
    }

    [Fact]
    public void DeadlineFor_MeetingAfterChristmas_SkipsTheBankHolidays()
    {
        // Tuesday 5 January 2027: back over 4 Jan, 1 Jan (a weekday, not configured), 31, 30, 29 Dec; 28 and 25 are holidays.
        var deadline = EnglandChristmas2026.DeadlineFor(new DateOnly(2027, 1, 5));

        Assert.Equal(new DateOnly(2026, 12, 29), deadline);
    }

    [Fact]
    public void DeadlineFor_ChristmasWeek_StepsOverBothHolidays()
    {
        // Wednesday 30 December: 29, (28 holiday), (26-27 weekend), (25 holiday), 24, 23, 22, 21.
        var deadline = EnglandChristmas2026.DeadlineFor(new DateOnly(2026, 12, 30));

        Assert.Equal(new DateOnly(2026, 12, 21), deadline);
    }

    [Theory]
    [InlineData("2026-12-05", false)]
    [InlineData("2026-12-06", false)]
    [InlineData("2026-12-25", false)]
    [InlineData("2026-12-24", true)]
    public void IsWorkingDay_WeekendsAndHolidays_AreNot(string day, bool expected) =>
        Assert.Equal(expected, EnglandChristmas2026.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Before_Zero_IsTheSameDay() =>
        Assert.Equal(new DateOnly(2026, 12, 6), WorkingDays.WeekendsOnly.Before(new DateOnly(2026, 12, 6), 0));
}
