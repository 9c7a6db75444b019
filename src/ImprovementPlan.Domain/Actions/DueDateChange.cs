using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Actions;

public enum DueDateChangeState
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>
/// A request to move an action's due date. It takes effect only when the Service Director approves
/// it; the action keeps its original date, so slippage stays visible.
/// </summary>
public class DueDateChange : Entity
{
    private DueDateChange()
    {
        Reason = RequestedByName = string.Empty;
    }

    public DueDateChange(int actionId, DateOnly? fromDate, DateOnly toDate, string reason, string? requestedByUserId,
        string requestedByName, DateTime requestedAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestedByName);
        if (fromDate == toDate)
        {
            throw new ArgumentException("The new due date is the same as the current one.", nameof(toDate));
        }

        ActionId = actionId;
        FromDate = fromDate;
        ToDate = toDate;
        Reason = reason;
        RequestedByUserId = requestedByUserId;
        RequestedByName = requestedByName;
        RequestedAtUtc = requestedAtUtc;
        State = DueDateChangeState.Pending;
    }

    public int ActionId { get; private set; }

    public DateOnly? FromDate { get; private set; }

    public DateOnly ToDate { get; private set; }

    public string Reason { get; private set; }

    public string? RequestedByUserId { get; private set; }

    public string RequestedByName { get; private set; }

    public DateTime RequestedAtUtc { get; private set; }

    public DueDateChangeState State { get; private set; }

    public string? DecidedByUserId { get; private set; }

    public string? DecidedByName { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? DecisionComment { get; private set; }

    /// <summary>Approves the request and moves the action's due date.</summary>
    public void Approve(ImprovementAction action, string? userId, string userName, DateTime nowUtc, string? comment)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Id != ActionId)
        {
            throw new ArgumentException("This request is for another action.", nameof(action));
        }

        Decide(DueDateChangeState.Approved, userId, userName, nowUtc, comment);
        // The date it really moves from is the one it has now, which may have moved since the request.
        FromDate = action.DueDate;
        action.MoveDueDate(ToDate);
    }

    public void Reject(string? userId, string userName, DateTime nowUtc, string comment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(comment);
        Decide(DueDateChangeState.Rejected, userId, userName, nowUtc, comment);
    }

    private void Decide(DueDateChangeState state, string? userId, string userName, DateTime nowUtc, string? comment)
    {
        if (State != DueDateChangeState.Pending)
        {
            throw new InvalidOperationException($"This request has already been {State.ToString().ToLowerInvariant()}.");
        }

        State = state;
        DecidedByUserId = userId;
        DecidedByName = userName;
        DecidedAtUtc = nowUtc;
        DecisionComment = comment;
    }
}
