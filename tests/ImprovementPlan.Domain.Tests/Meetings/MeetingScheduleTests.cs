using ImprovementPlan.Domain.Meetings;

namespace ImprovementPlan.Domain.Tests.Meetings;

public class MeetingScheduleTests
{
    [Fact]
    public void Every_TwoWeeksOnTuesdays_StartsOnTheFirstTuesdayOnOrAfterTheStart()
    {
        // Wednesday 2 December 2026: the first Tuesday on or after it is 8 December.
        var dates = MeetingSchedule.Every(2, DayOfWeek.Tuesday, new DateOnly(2026, 12, 2), new DateOnly(2027, 1, 31)).Dates();

        Assert.Equal([new(2026, 12, 8), new(2026, 12, 22), new(2027, 1, 5), new(2027, 1, 19)], dates);
    }

    [Fact]
    public void Every_StartOnTheWeekday_IncludesTheStart()
    {
        var dates = MeetingSchedule.Every(6, DayOfWeek.Thursday, new DateOnly(2026, 12, 3), new DateOnly(2027, 3, 31)).Dates();

        Assert.Equal([new(2026, 12, 3), new(2027, 1, 14), new(2027, 2, 25)], dates);
    }

    [Fact]
    public void Every_EndBeforeFirstMeeting_GivesNone() =>
        Assert.Empty(MeetingSchedule.Every(2, DayOfWeek.Tuesday, new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 7)).Dates());

    [Fact]
    public void Every_ZeroWeeks_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MeetingSchedule.Every(0, DayOfWeek.Tuesday, new DateOnly(2026, 12, 2), new DateOnly(2027, 1, 1)).Dates());

    [Fact]
    public void Every_TooManyMeetings_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MeetingSchedule.Every(1, DayOfWeek.Monday, new DateOnly(2026, 1, 1), new DateOnly(2030, 1, 1)).Dates());

    [Fact]
    public void OnDates_ListOfCommitteeDates_SortedWithoutRepeats()
    {
        var dates = MeetingSchedule.OnDates([new(2027, 3, 9), new(2027, 1, 12), new(2027, 3, 9)]).Dates();

        Assert.Equal([new(2027, 1, 12), new(2027, 3, 9)], dates);
    }
}
