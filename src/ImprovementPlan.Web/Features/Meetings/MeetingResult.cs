namespace ImprovementPlan.Web.Features.Meetings;

public enum MeetingOutcome
{
    Saved,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>What a meetings use case did: the messages for the fields that were wrong (keyed by field name), or what the user is told and where they go next.</summary>
public sealed record MeetingResult(MeetingOutcome Outcome, IReadOnlyDictionary<string, string> Errors, string? Notification = null, string? RedirectTo = null)
{
    public static readonly MeetingResult NotFound = new(MeetingOutcome.NotFound, new Dictionary<string, string>());

    public static readonly MeetingResult Forbidden = new(MeetingOutcome.Forbidden, new Dictionary<string, string>());

    public static readonly MeetingResult Conflict = new(MeetingOutcome.Conflict, new Dictionary<string, string>());

    public static MeetingResult Invalid(IReadOnlyDictionary<string, string> errors) => new(MeetingOutcome.Invalid, errors);

    public static MeetingResult Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });

    public static MeetingResult Saved(string notification, string redirectTo) => new(MeetingOutcome.Saved, new Dictionary<string, string>(), notification, redirectTo);
}
