using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Meetings;

public enum AgendaItemKind
{
    /// <summary>Proposed by the app from the plan's data (an exception, or an open follow-up).</summary>
    ProposedFromData = 0,

    /// <summary>Added by the chair in words.</summary>
    Free = 1,

    /// <summary>A report prepared for the meeting.</summary>
    Report = 2,
}

public enum AgendaSubject
{
    None = 0,
    Action = 1,
    Priority = 2,
    Measure = 3,
    FollowUp = 4,
    Report = 5,
}

/// <summary>One item on a meeting's agenda, and what the meeting recorded against it: a note and a decision.</summary>
public class AgendaItem : Entity
{
    private AgendaItem()
    {
        Title = string.Empty;
    }

    public AgendaItem(int planId, int meetingId, int order, AgendaItemKind kind, AgendaSubject subject, int? subjectId,
        string title, IEnumerable<string> reasons)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(reasons);
        if ((subject == AgendaSubject.None) != (subjectId is null))
        {
            throw new ArgumentException("An item names a subject exactly when it has a subject id.", nameof(subjectId));
        }

        PlanId = planId;
        MeetingId = meetingId;
        Order = order;
        Kind = kind;
        Subject = subject;
        SubjectId = subjectId;
        Title = title.Trim();
        Reasons = [.. reasons];
    }

    public int PlanId { get; private set; }

    public int MeetingId { get; private set; }

    /// <summary>Position on the agenda, from 1.</summary>
    public int Order { get; private set; }

    public AgendaItemKind Kind { get; private set; }

    public AgendaSubject Subject { get; private set; }

    public int? SubjectId { get; private set; }

    public string Title { get; private set; }

    /// <summary>Why the app proposed the item ("Overdue", "Rated Red"...); empty for a free item.</summary>
    public IReadOnlyList<string> Reasons { get; private set; } = [];

    public string? Note { get; private set; }

    public string? Decision { get; private set; }

    public DateTime? RecordedAtUtc { get; private set; }

    public void MoveTo(int order) => Order = order;

    /// <summary>Records the note and decision while the meeting's minutes are a draft.</summary>
    public void Record(Meeting meeting, string? note, string? decision, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        EnsureOf(meeting);
        meeting.EnsureMinutesDraft();
        Note = Clean(note);
        Decision = Clean(decision);
        RecordedAtUtc = atUtc;
    }

    /// <summary>Corrects agreed minutes: the change is kept as an amendment with its reason.</summary>
    public MinutesAmendment Amend(Meeting meeting, string? note, string? decision, string reason, string byUserId, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        EnsureOf(meeting);
        if (!meeting.MinutesAgreed)
        {
            throw new DomainRuleException("The minutes are still a draft; change them directly");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Enter the reason for the correction");
        }

        var amendment = new MinutesAmendment(PlanId, MeetingId, Id, Note, Clean(note), Decision, Clean(decision), reason.Trim(), byUserId, atUtc);
        Note = Clean(note);
        Decision = Clean(decision);
        return amendment;
    }

    private void EnsureOf(Meeting meeting)
    {
        if (meeting.Id != MeetingId)
        {
            throw new ArgumentException("The item belongs to another meeting.", nameof(meeting));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
