namespace ImprovementPlan.Web.Features.Plans;

/// <summary>What a plans use case did; the controller turns it into a view or a redirect.</summary>
public enum PlanOutcome
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>The outcome, the messages for the fields that were wrong (keyed by field name) and what the user is told on success.</summary>
public sealed record PlanResult(PlanOutcome Outcome, IReadOnlyDictionary<string, string> Errors, string? Notification = null, int? PlanId = null)
{
    public static readonly PlanResult NotFound = new(PlanOutcome.NotFound, new Dictionary<string, string>());

    public static readonly PlanResult Conflict = new(PlanOutcome.Conflict, new Dictionary<string, string>());

    public static PlanResult Invalid(IReadOnlyDictionary<string, string> errors) => new(PlanOutcome.Invalid, errors);

    public static PlanResult Invalid(string field, string message) => new(PlanOutcome.Invalid, new Dictionary<string, string> { [field] = message });

    public static PlanResult Saved(int planId, string notification) => new(PlanOutcome.Saved, new Dictionary<string, string>(), notification, planId);
}
