using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Meetings;

public enum MeetingKind
{
    CsipReview = 0,
    ImprovementBoard = 1,
    ScrutinyCommittee = 2,
}

/// <summary>A governance meeting: the fortnightly CSIP review, the Improvement Board or the Scrutiny Committee.</summary>
public class Meeting : Entity
{
    private Meeting()
    {
        Title = string.Empty;
    }

    public Meeting(int planId, MeetingKind kind, string title, DateOnly date, string? chair)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        PlanId = planId;
        Kind = kind;
        Title = title;
        Date = date;
        Chair = chair;
    }

    public int PlanId { get; private set; }

    public MeetingKind Kind { get; private set; }

    public string Title { get; private set; }

    public DateOnly Date { get; private set; }

    public string? Chair { get; private set; }

    public IReadOnlyList<string> Attendees { get; private set; } = [];

    public IReadOnlyList<string> Agenda { get; private set; } = [];

    public IReadOnlyList<string> Decisions { get; private set; } = [];

    public IReadOnlyList<string> FollowUpActions { get; private set; } = [];

    public void RecordAgenda(IEnumerable<string> items) => Agenda = [.. items];

    public void RecordAttendees(IEnumerable<string> names) => Attendees = [.. names];

    public void RecordDecisions(IEnumerable<string> decisions) => Decisions = [.. decisions];

    public void RecordFollowUpActions(IEnumerable<string> actions) => FollowUpActions = [.. actions];
}
