using ImprovementPlan.Domain.Plans.Import;

namespace ImprovementPlan.Web.Features.PlanImport;

/// <summary>One field that the import would change: its heading, the value held now and the value in the workbook.</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>An action the import would add (no old values) or change, by REF.</summary>
public sealed record ActionChange(string Reference, bool IsNew, string ActionText, IReadOnlyList<FieldChange> Changes);

/// <summary>A workstream, priority, source review or stage the import would add.</summary>
public sealed record StructureAddition(string Kind, string Key, string Title);

/// <summary>A measure, target or figure the import would add or change: its kind, its key in words (code; code and date; code and period) and the fields.</summary>
public sealed record MeasureChange(string Kind, string Key, bool IsNew, string Title, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// What confirming the import would do: the additions and changes, the notes made while reading, and
/// the problems that stop it. <see cref="Fingerprint"/> names exactly these changes, so a
/// confirmation made against an older preview is refused.
/// </summary>
public sealed record PlanImportPreview(
    PendingPlanImport Pending,
    ImportedPlan Imported,
    IReadOnlyList<StructureAddition> Additions,
    IReadOnlyList<ActionChange> Actions,
    IReadOnlyList<MeasureChange> Measures,
    IReadOnlyList<ImportNote> Notes,
    IReadOnlyList<ImportProblem> Problems,
    string Fingerprint)
{
    public int ChangeCount => Additions.Count + Actions.Count + Measures.Count;

    public int NewActions => Actions.Count(a => a.IsNew);

    public int ChangedActions => Actions.Count(a => !a.IsNew);
}
