using ImprovementPlan.Domain.Meetings;

namespace ImprovementPlan.Web.Features.Meetings;

/// <summary>A meeting's page: its details, agenda with what was recorded, the items the data proposes and its reports.</summary>
public sealed record MeetingPage(
    int Id,
    int Version,
    MeetingKind Kind,
    string Title,
    DateOnly Date,
    TimeOnly? StartTime,
    string? Location,
    string? ChairName,
    MeetingStatus Status,
    DateOnly? OriginalDate,
    DateOnly UpdateDeadline,
    bool UpdateDeadlineOverridden,
    MinutesStatus MinutesStatus,
    IReadOnlyList<string> Attendees,
    IReadOnlyList<AgendaItemView> Agenda,
    IReadOnlyList<ProposedItem> Proposed,
    IReadOnlyList<MeetingReportLink> Reports,
    bool CanManage)
{
    public string KindName => MeetingPaths.KindName(Kind);
}

/// <summary>An item on the agenda, with its note, decision and follow-ups.</summary>
public sealed record AgendaItemView(
    int Id,
    int Order,
    AgendaItemKind Kind,
    AgendaSubject Subject,
    string Title,
    string? Href,
    IReadOnlyList<string> Reasons,
    string? Note,
    string? Decision,
    IReadOnlyList<FollowUpView> FollowUps,
    IReadOnlyList<MinutesAmendment> Amendments)
{
    /// <summary>For an item carrying an earlier follow-up: that follow-up as it stands now.</summary>
    public FollowUpView? Carried { get; init; }
}

/// <summary>A follow-up as pages show it.</summary>
public sealed record FollowUpView(int Id, string What, string OwnerUserId, string OwnerName, DateOnly DueDate, FollowUpStatus Status, string? ClosingNote)
{
    public string StatusText => MeetingPaths.FollowUpStatusText(Status);
}

public sealed record MeetingReportLink(int Id, string Title, string? AgendaItem);
