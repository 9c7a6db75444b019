using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Meetings;

namespace ImprovementPlan.Domain.Tests.Meetings;

/// <summary>A follow-up: open → closed by its owner with a note → confirmed by the chair (or reopened).</summary>
public class FollowUpTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

    private static FollowUp NewFollowUp() => new(1, 10, 100, "Send the audit dates to the board", "owner", new DateOnly(2026, 12, 15), Now);

    [Fact]
    public void Close_ByOwnerWithNote_IsClosedAndStillOutstanding()
    {
        var followUp = NewFollowUp();

        followUp.Close("owner", "Sent on 3 December", Now.AddDays(1));

        Assert.Equal(FollowUpStatus.ClosedByOwner, followUp.Status);
        Assert.Equal("Sent on 3 December", followUp.ClosingNote);
        Assert.True(followUp.IsOutstanding);
    }

    [Fact]
    public void Close_BySomeoneElse_IsRefused()
    {
        var followUp = NewFollowUp();

        var error = Assert.Throws<DomainRuleException>(() => followUp.Close("someone else", "Done", Now));

        Assert.Equal("Only the person the follow-up is for can close it", error.Message);
        Assert.Equal(FollowUpStatus.Open, followUp.Status);
    }

    [Fact]
    public void Close_WithoutNote_IsRefused() =>
        Assert.Throws<DomainRuleException>(() => NewFollowUp().Close("owner", " ", Now));

    [Fact]
    public void Close_Twice_IsRefused()
    {
        var followUp = NewFollowUp();
        followUp.Close("owner", "Done", Now);

        Assert.Throws<DomainRuleException>(() => followUp.Close("owner", "Done again", Now));
    }

    [Fact]
    public void Confirm_AfterClose_IsConfirmedAndNoLongerOutstanding()
    {
        var followUp = NewFollowUp();
        followUp.Close("owner", "Done", Now);

        followUp.Confirm("chair", Now.AddDays(7));

        Assert.Equal(FollowUpStatus.Confirmed, followUp.Status);
        Assert.Equal("chair", followUp.ConfirmedByUserId);
        Assert.False(followUp.IsOutstanding);
    }

    [Fact]
    public void Confirm_WhileOpen_IsRefused() =>
        Assert.Throws<DomainRuleException>(() => NewFollowUp().Confirm("chair", Now));

    [Fact]
    public void Reopen_AfterClose_IsOpenWithoutTheNote()
    {
        var followUp = NewFollowUp();
        followUp.Close("owner", "Done", Now);

        followUp.Reopen();

        Assert.Equal(FollowUpStatus.Open, followUp.Status);
        Assert.Null(followUp.ClosingNote);
    }

    [Fact]
    public void IsOverdue_OpenPastDue_IsTrueButNotOnceClosed()
    {
        var followUp = NewFollowUp();
        Assert.True(followUp.IsOverdue(new DateOnly(2026, 12, 16)));
        Assert.False(followUp.IsOverdue(new DateOnly(2026, 12, 15)));

        followUp.Close("owner", "Done", Now);

        Assert.False(followUp.IsOverdue(new DateOnly(2026, 12, 16)));
    }
}
