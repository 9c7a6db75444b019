namespace ImprovementPlan.Web.Features.PlanStructure;

/// <summary>What a structure use case did; the controller turns it into a view or a redirect.</summary>
public enum StructureOutcome
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>The outcome, the messages for the fields that were wrong (keyed by field name) and what the user is told on success.</summary>
public sealed record StructureResult(StructureOutcome Outcome, IReadOnlyDictionary<string, string> Errors, string? Notification = null)
{
    public static readonly StructureResult NotFound = new(StructureOutcome.NotFound, new Dictionary<string, string>());

    public static readonly StructureResult Conflict = new(StructureOutcome.Conflict, new Dictionary<string, string>());

    public static StructureResult Invalid(IReadOnlyDictionary<string, string> errors) => new(StructureOutcome.Invalid, errors);

    public static StructureResult Saved(string notification) => new(StructureOutcome.Saved, new Dictionary<string, string>(), notification);
}
