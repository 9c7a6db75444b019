namespace ImprovementPlan.Web.Features.ToDo;

/// <summary>
/// What one user needs to do in one plan on a date: the "What I need to do" page, and the body of the
/// reminder emails. Hrefs are paths within the app (prefix them with the app's address in an email).
/// </summary>
public sealed record ToDoList(
    string UserId,
    string UserName,
    DateOnly AsAt,
    ToDoMeeting? NextReview,
    DateOnly? LastReviewOn,
    IReadOnlyList<ToDoItem> ActionsToUpdate,
    IReadOnlyList<ToDoItem> FiguresDue,
    IReadOnlyList<ToDoItem> FollowUps,
    IReadOnlyList<ToDoItem> DecisionsWaiting)
{
    public int Count => ActionsToUpdate.Count + FiguresDue.Count + FollowUps.Count + DecisionsWaiting.Count;

    public bool IsEmpty => Count == 0;
}

/// <summary>A coming CSIP review and the date updates are due by for it.</summary>
public sealed record ToDoMeeting(int MeetingId, string Title, DateOnly Date, DateOnly UpdateDeadline, string Href);

/// <summary>
/// One thing to do: what it is about, a link to do it, a line of detail, and the date it is due by when
/// it has one. <paramref name="Key"/> is stable ("action:12", "figure:5:2026-11-30", "follow-up:3",
/// "update:40", "due-date:7", "confirm:3") so a reminder can tell whether it has mentioned it before.
/// </summary>
public sealed record ToDoItem(string Key, string Text, string Href, string Detail, DateOnly? DueOn);
