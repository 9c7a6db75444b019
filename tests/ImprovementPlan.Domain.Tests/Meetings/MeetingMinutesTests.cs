using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Meetings;

namespace ImprovementPlan.Domain.Tests.Meetings;

/// <summary>Minutes: a draft until agreed, then corrected only by an amendment with a reason; moving and cancelling.</summary>
public class MeetingMinutesTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

    private static (Meeting Meeting, AgendaItem Item) NewMeeting()
    {
        var meeting = new Meeting(1, MeetingKind.CsipReview, "CSIP review", new DateOnly(2026, 12, 8), WorkingDays.WeekendsOnly);
        var item = new AgendaItem(1, meeting.Id, 1, AgendaItemKind.Free, AgendaSubject.None, null, "Any other business", []);
        return (meeting, item);
    }

    [Fact]
    public void NewMeeting_DeadlineIsFiveWorkingDaysBefore_AndMinutesAreDraft()
    {
        var (meeting, _) = NewMeeting();

        Assert.Equal(new DateOnly(2026, 12, 1), meeting.UpdateDeadline);
        Assert.Equal(MinutesStatus.Draft, meeting.MinutesStatus);
        Assert.Equal(MeetingStatus.Scheduled, meeting.Status);
    }

    [Fact]
    public void Record_WhileDraft_KeepsNoteAndDecision()
    {
        var (meeting, item) = NewMeeting();

        item.Record(meeting, "Discussed", "Agreed to extend", Now);

        Assert.Equal("Discussed", item.Note);
        Assert.Equal("Agreed to extend", item.Decision);
    }

    [Fact]
    public void Record_AfterAgreed_IsRefused()
    {
        var (meeting, item) = NewMeeting();
        meeting.AgreeMinutes("chair", Now);

        var error = Assert.Throws<DomainRuleException>(() => item.Record(meeting, "Changed", "Changed", Now));

        Assert.Equal("The minutes have been agreed; correct them with an amendment and a reason", error.Message);
    }

    [Fact]
    public void Amend_AfterAgreed_KeepsOldAndNewWithReason()
    {
        var (meeting, item) = NewMeeting();
        item.Record(meeting, "Discussed", "Extend to March", Now);
        meeting.AgreeMinutes("chair", Now);

        var amendment = item.Amend(meeting, "Discussed", "Extend to April", "The date was misheard", "clerk", Now.AddDays(14));

        Assert.Equal("Extend to March", amendment.OldDecision);
        Assert.Equal("Extend to April", amendment.NewDecision);
        Assert.Equal("The date was misheard", amendment.Reason);
        Assert.Equal("Extend to April", item.Decision);
    }

    [Fact]
    public void Amend_WhileDraft_IsRefused()
    {
        var (meeting, item) = NewMeeting();

        Assert.Throws<DomainRuleException>(() => item.Amend(meeting, null, "x", "reason", "clerk", Now));
    }

    [Fact]
    public void Amend_WithoutReason_IsRefused()
    {
        var (meeting, item) = NewMeeting();
        meeting.AgreeMinutes("chair", Now);

        Assert.Throws<DomainRuleException>(() => item.Amend(meeting, null, "x", " ", "clerk", Now));
    }

    [Fact]
    public void AgreeMinutes_Twice_IsRefused()
    {
        var (meeting, _) = NewMeeting();
        meeting.AgreeMinutes("chair", Now);

        Assert.Throws<DomainRuleException>(() => meeting.AgreeMinutes("chair", Now));
    }

    [Fact]
    public void MoveTo_DefaultDeadlineMovesWithTheMeeting_AndKeepsTheOriginalDate()
    {
        var (meeting, _) = NewMeeting();

        meeting.MoveTo(new DateOnly(2026, 12, 10), new TimeOnly(14, 0), WorkingDays.WeekendsOnly);

        Assert.Equal(MeetingStatus.Moved, meeting.Status);
        Assert.Equal(new DateOnly(2026, 12, 8), meeting.OriginalDate);
        Assert.Equal(new DateOnly(2026, 12, 3), meeting.UpdateDeadline);
    }

    [Fact]
    public void MoveTo_OverriddenDeadline_Stays()
    {
        var (meeting, _) = NewMeeting();
        meeting.SetUpdateDeadline(new DateOnly(2026, 12, 4), WorkingDays.WeekendsOnly);

        meeting.MoveTo(new DateOnly(2026, 12, 10), null, WorkingDays.WeekendsOnly);

        Assert.Equal(new DateOnly(2026, 12, 4), meeting.UpdateDeadline);
    }

    [Fact]
    public void SetUpdateDeadline_AfterTheMeeting_IsRefused()
    {
        var (meeting, _) = NewMeeting();

        Assert.Throws<DomainRuleException>(() => meeting.SetUpdateDeadline(new DateOnly(2026, 12, 9), WorkingDays.WeekendsOnly));
    }

    [Fact]
    public void Cancel_ThenMove_IsRefused()
    {
        var (meeting, _) = NewMeeting();
        meeting.Cancel();

        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
        Assert.Throws<DomainRuleException>(() => meeting.MoveTo(new DateOnly(2026, 12, 9), null, WorkingDays.WeekendsOnly));
    }
}
