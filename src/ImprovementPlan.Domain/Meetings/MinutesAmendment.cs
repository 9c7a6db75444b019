namespace ImprovementPlan.Domain.Meetings;

/// <summary>A correction to agreed minutes: what an item's note and decision were, what they became, who changed them and why.</summary>
public class MinutesAmendment
{
    private MinutesAmendment()
    {
        Reason = ByUserId = string.Empty;
    }

    internal MinutesAmendment(int planId, int meetingId, int agendaItemId, string? oldNote, string? newNote, string? oldDecision,
        string? newDecision, string reason, string byUserId, DateTime atUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserId);
        PlanId = planId;
        MeetingId = meetingId;
        AgendaItemId = agendaItemId;
        OldNote = oldNote;
        NewNote = newNote;
        OldDecision = oldDecision;
        NewDecision = newDecision;
        Reason = reason;
        ByUserId = byUserId;
        AtUtc = atUtc;
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public int MeetingId { get; private set; }

    public int AgendaItemId { get; private set; }

    public string? OldNote { get; private set; }

    public string? NewNote { get; private set; }

    public string? OldDecision { get; private set; }

    public string? NewDecision { get; private set; }

    public string Reason { get; private set; }

    public string ByUserId { get; private set; }

    public DateTime AtUtc { get; private set; }
}
