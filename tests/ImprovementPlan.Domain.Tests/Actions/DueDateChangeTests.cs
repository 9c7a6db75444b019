using ImprovementPlan.Domain.Actions;

namespace ImprovementPlan.Domain.Tests.Actions;

public class DueDateChangeTests
{
    private static readonly DateTime Now = new(2021, 3, 1, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateOnly Original = new(2020, 10, 31);

    [Fact]
    public void Approve_MovesTheDueDateAndKeepsTheOriginal()
    {
        var action = NewAction();
        var change = Request(action, new DateOnly(2021, 4, 30));

        change.Approve(action, "sd", "Service Director", Now, null);

        Assert.Equal(DueDateChangeState.Approved, change.State);
        Assert.Equal(new DateOnly(2021, 4, 30), action.DueDate);
        Assert.Equal(Original, action.OriginalDueDate);
        Assert.Equal("Service Director", change.DecidedByName);
        Assert.Equal(Now, change.DecidedAtUtc);
    }

    [Fact]
    public void Reject_LeavesTheDueDateAndRecordsTheComment()
    {
        var action = NewAction();
        var change = Request(action, new DateOnly(2021, 4, 30));

        change.Reject("sd", "Service Director", Now, "Keep to the agreed date");

        Assert.Equal(DueDateChangeState.Rejected, change.State);
        Assert.Equal(Original, action.DueDate);
        Assert.Equal("Keep to the agreed date", change.DecisionComment);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Reject_WithoutAComment_IsRefused(string comment)
    {
        var change = Request(NewAction(), new DateOnly(2021, 4, 30));

        Assert.ThrowsAny<ArgumentException>(() => change.Reject("sd", "Service Director", Now, comment));
        Assert.Equal(DueDateChangeState.Pending, change.State);
    }

    [Fact]
    public void Decide_Twice_IsRefused()
    {
        var action = NewAction();
        var change = Request(action, new DateOnly(2021, 4, 30));
        change.Approve(action, "sd", "Service Director", Now, null);

        Assert.Throws<InvalidOperationException>(() => change.Reject("sd", "Service Director", Now, "Changed my mind"));
        Assert.Throws<InvalidOperationException>(() => change.Approve(action, "sd", "Service Director", Now, null));
        Assert.Equal(DueDateChangeState.Approved, change.State);
    }

    [Fact]
    public void Request_ToTheSameDate_IsRefused()
    {
        var action = NewAction();

        Assert.Throws<ArgumentException>(() => Request(action, Original));
    }

    [Fact]
    public void Approve_ForAnotherAction_IsRefused()
    {
        var change = Request(NewAction(), new DateOnly(2021, 4, 30));

        Assert.Throws<ArgumentException>(() => change.Approve(NewAction(id: 99), "sd", "Service Director", Now, null));
        Assert.Equal(DueDateChangeState.Pending, change.State);
    }

    private static DueDateChange Request(ImprovementAction action, DateOnly to) =>
        new(action.Id, action.DueDate, to, "Partner capacity", "hos", "Head of Service", Now);

    private static ImprovementAction NewAction(int id = 7)
    {
        var action = new ImprovementAction(1, 1, "QP21", 21,
            new ActionColumns("Do the thing", null, "October 2020", Original, null, null, null, null, null, null));
        typeof(ImprovementAction).BaseType!.GetProperty("Id")!.SetValue(action, id);
        return action;
    }
}
