using ImprovementPlan.Domain.Common;

namespace ImprovementPlan.Domain.Meetings;

public enum FollowUpStatus
{
    Open = 0,
    ClosedByOwner = 1,
    Confirmed = 2,
}

/// <summary>
/// Something a meeting asked someone to do by a date. The owner closes it with a note; the chair then
/// confirms it (or reopens it). Until confirmed it is carried onto every later agenda of its kind of meeting.
/// </summary>
public class FollowUp : Entity
{
    private FollowUp()
    {
        What = OwnerUserId = string.Empty;
    }

    public FollowUp(int planId, int meetingId, int agendaItemId, string what, string ownerUserId, DateOnly dueDate, DateTime createdAtUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerUserId);
        PlanId = planId;
        MeetingId = meetingId;
        AgendaItemId = agendaItemId;
        What = what.Trim();
        OwnerUserId = ownerUserId;
        DueDate = dueDate;
        CreatedAtUtc = createdAtUtc;
    }

    public int PlanId { get; private set; }

    /// <summary>The meeting that asked for it.</summary>
    public int MeetingId { get; private set; }

    /// <summary>The agenda item it was recorded against.</summary>
    public int AgendaItemId { get; private set; }

    public string What { get; private set; }

    public string OwnerUserId { get; private set; }

    public DateOnly DueDate { get; private set; }

    public FollowUpStatus Status { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string? ClosingNote { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public string? ConfirmedByUserId { get; private set; }

    public DateTime? ConfirmedAtUtc { get; private set; }

    /// <summary>Still to be carried onto agendas: open, or closed by its owner and waiting for the chair.</summary>
    public bool IsOutstanding => Status != FollowUpStatus.Confirmed;

    public bool IsOverdue(DateOnly today) => Status == FollowUpStatus.Open && DueDate < today;

    /// <summary>The owner says it is done.</summary>
    public void Close(string byUserId, string note, DateTime atUtc)
    {
        if (!string.Equals(byUserId, OwnerUserId, StringComparison.Ordinal))
        {
            throw new DomainRuleException("Only the person the follow-up is for can close it");
        }

        if (Status != FollowUpStatus.Open)
        {
            throw new DomainRuleException("This follow-up has already been closed");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Enter what was done");
        }

        Status = FollowUpStatus.ClosedByOwner;
        ClosingNote = note.Trim();
        ClosedAtUtc = atUtc;
    }

    /// <summary>The chair accepts the owner's closure.</summary>
    public void Confirm(string byUserId, DateTime atUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserId);
        if (Status != FollowUpStatus.ClosedByOwner)
        {
            throw new DomainRuleException(Status == FollowUpStatus.Confirmed
                ? "This follow-up has already been confirmed"
                : "This follow-up is still open; its owner closes it first");
        }

        Status = FollowUpStatus.Confirmed;
        ConfirmedByUserId = byUserId;
        ConfirmedAtUtc = atUtc;
    }

    /// <summary>The chair does not accept the closure: the follow-up is open again and the closing note is kept in the audit trail.</summary>
    public void Reopen()
    {
        if (Status != FollowUpStatus.ClosedByOwner)
        {
            throw new DomainRuleException("Only a follow-up closed by its owner and not yet confirmed can be reopened");
        }

        Status = FollowUpStatus.Open;
        ClosingNote = null;
        ClosedAtUtc = null;
    }
}
