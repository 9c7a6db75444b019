using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Meetings;

public enum MeetingKind
{
    CsipReview = 0,
    ImprovementBoard = 1,
    ScrutinyCommittee = 2,
    Other = 3,
}

public enum MeetingStatus
{
    Scheduled = 0,
    Moved = 1,
    Cancelled = 2,
}

public enum MinutesStatus
{
    Draft = 0,
    Agreed = 1,
}

/// <summary>
/// A governance meeting: the fortnightly CSIP review, the Improvement Board, the Scrutiny Committee or another.
/// It has an update deadline (by default five working days before it) and minutes that are a draft until
/// they are agreed, after which they change only by an amendment with a reason.
/// </summary>
public class Meeting : Entity
{
    private readonly List<MeetingAttendee> _attendees = [];

    private Meeting()
    {
        Title = string.Empty;
    }

    public Meeting(int planId, MeetingKind kind, string title, DateOnly date, WorkingDays workingDays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(workingDays);
        PlanId = planId;
        Kind = kind;
        Title = title.Trim();
        Date = date;
        UpdateDeadline = workingDays.DeadlineFor(date);
    }

    public int PlanId { get; private set; }

    public MeetingKind Kind { get; private set; }

    public string Title { get; private set; }

    public DateOnly Date { get; private set; }

    public TimeOnly? StartTime { get; private set; }

    public string? ChairUserId { get; private set; }

    public string? Location { get; private set; }

    public MeetingStatus Status { get; private set; }

    /// <summary>The date the meeting was first set for, when it has since moved.</summary>
    public DateOnly? OriginalDate { get; private set; }

    /// <summary>Updates are due by the end of this day.</summary>
    public DateOnly UpdateDeadline { get; private set; }

    /// <summary>True when someone set the deadline by hand; moving the meeting then keeps it.</summary>
    public bool UpdateDeadlineOverridden { get; private set; }

    public MinutesStatus MinutesStatus { get; private set; }

    public DateTime? MinutesAgreedAtUtc { get; private set; }

    public string? MinutesAgreedByUserId { get; private set; }

    public IReadOnlyCollection<MeetingAttendee> Attendees => _attendees;

    public bool IsCancelled => Status == MeetingStatus.Cancelled;

    public bool MinutesAgreed => MinutesStatus == MinutesStatus.Agreed;

    /// <summary>Sets what people see about the meeting besides its date.</summary>
    public void Describe(string title, TimeOnly? startTime, string? location, string? chairUserId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title.Trim();
        StartTime = startTime;
        Location = string.IsNullOrWhiteSpace(location) ? null : location.Trim();
        ChairUserId = string.IsNullOrWhiteSpace(chairUserId) ? null : chairUserId;
    }

    /// <summary>Replaces the attendees: users by id, and guests by name.</summary>
    public void SetAttendees(IEnumerable<string> userIds, IEnumerable<string> guestNames)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        ArgumentNullException.ThrowIfNull(guestNames);
        _attendees.Clear();
        foreach (var userId in userIds.Where(u => !string.IsNullOrWhiteSpace(u)).Distinct(StringComparer.Ordinal))
        {
            _attendees.Add(MeetingAttendee.User(PlanId, userId));
        }

        foreach (var guest in guestNames.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            _attendees.Add(MeetingAttendee.Guest(PlanId, guest));
        }
    }

    /// <summary>Moves the meeting to another day; a deadline nobody set by hand moves with it.</summary>
    public void MoveTo(DateOnly date, TimeOnly? startTime, WorkingDays workingDays)
    {
        ArgumentNullException.ThrowIfNull(workingDays);
        if (IsCancelled)
        {
            throw new DomainRuleException("This meeting has been cancelled, so it cannot be moved");
        }

        if (MinutesAgreed)
        {
            throw new DomainRuleException("This meeting's minutes have been agreed, so it cannot be moved");
        }

        if (date == Date && startTime == StartTime)
        {
            return;
        }

        OriginalDate ??= Date;
        Date = date;
        StartTime = startTime;
        Status = MeetingStatus.Moved;
        if (!UpdateDeadlineOverridden)
        {
            UpdateDeadline = workingDays.DeadlineFor(date);
        }
        else if (UpdateDeadline > date)
        {
            UpdateDeadline = date;
        }
    }

    public void Cancel()
    {
        if (MinutesAgreed)
        {
            throw new DomainRuleException("This meeting's minutes have been agreed, so it cannot be cancelled");
        }

        Status = MeetingStatus.Cancelled;
    }

    /// <summary>Sets the update deadline by hand, or (given null) goes back to five working days before the meeting.</summary>
    public void SetUpdateDeadline(DateOnly? deadline, WorkingDays workingDays)
    {
        ArgumentNullException.ThrowIfNull(workingDays);
        if (deadline is { } day && day > Date)
        {
            throw new DomainRuleException("The update deadline must be on or before the day of the meeting");
        }

        UpdateDeadline = deadline ?? workingDays.DeadlineFor(Date);
        UpdateDeadlineOverridden = deadline is not null;
    }

    /// <summary>Refuses a change to the minutes once they have been agreed.</summary>
    public void EnsureMinutesDraft()
    {
        if (MinutesAgreed)
        {
            throw new DomainRuleException("The minutes have been agreed; correct them with an amendment and a reason");
        }

        if (IsCancelled)
        {
            throw new DomainRuleException("This meeting was cancelled, so it has no minutes");
        }
    }

    /// <summary>The chair agrees the minutes (at the next meeting); from then on they are read-only.</summary>
    public void AgreeMinutes(string agreedByUserId, DateTime atUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agreedByUserId);
        EnsureMinutesDraft();
        MinutesStatus = MinutesStatus.Agreed;
        MinutesAgreedAtUtc = atUtc;
        MinutesAgreedByUserId = agreedByUserId;
    }
}
