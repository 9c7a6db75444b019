namespace ImprovementPlan.Web.Features.Measures;

/// <summary>What a measures use case did; the controller turns it into a view or a redirect.</summary>
public enum MeasureOutcome
{
    Saved,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>The outcome, the messages for the fields that were wrong (keyed by field name) and what the user is told on success.</summary>
public sealed record MeasureResult(MeasureOutcome Outcome, IReadOnlyDictionary<string, string> Errors, string? Notification = null, int? MeasureId = null)
{
    public static readonly MeasureResult NotFound = new(MeasureOutcome.NotFound, new Dictionary<string, string>());

    public static readonly MeasureResult Forbidden = new(MeasureOutcome.Forbidden, new Dictionary<string, string>());

    public static readonly MeasureResult Conflict = new(MeasureOutcome.Conflict, new Dictionary<string, string>());

    public static MeasureResult Invalid(IReadOnlyDictionary<string, string> errors) => new(MeasureOutcome.Invalid, errors);

    public static MeasureResult Saved(int measureId, string notification) => new(MeasureOutcome.Saved, new Dictionary<string, string>(), notification, measureId);
}
