namespace ImprovementPlan.Domain.Meetings;

/// <summary>Someone expected at a meeting: a user of the app, or a guest named in words.</summary>
public class MeetingAttendee
{
    private MeetingAttendee()
    {
    }

    public int Id { get; private set; }

    public int PlanId { get; private set; }

    public int MeetingId { get; private set; }

    public string? UserId { get; private set; }

    public string? GuestName { get; private set; }

    internal static MeetingAttendee User(int planId, string userId) => new() { PlanId = planId, UserId = userId };

    internal static MeetingAttendee Guest(int planId, string name) => new() { PlanId = planId, GuestName = name };
}
