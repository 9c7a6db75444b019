using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Measures.Dfe;

namespace ImprovementPlan.Web.Features.Measures.Import;

/// <summary>What confirming would do to one figure or comparator.</summary>
public enum ImportChange
{
    /// <summary>Not held yet: it will be added.</summary>
    New = 0,

    /// <summary>Held with the same value: left alone.</summary>
    Unchanged = 1,

    /// <summary>Held with another value: corrected, with the reason "DfE revision".</summary>
    Correction = 2,

    /// <summary>Held with the same value but another source or neighbour count: those are brought up to date.</summary>
    Updated = 3,
}

/// <summary>A figure of the council's own as the import would write it.</summary>
public sealed record PlannedActual(DfeActualFigure Figure, MeasurePeriod Period, string PeriodLabel, ImportChange Change, decimal? OldValue, int? ExistingId);

/// <summary>A comparator as the import would write it.</summary>
public sealed record PlannedComparator(DfeComparatorFigure Figure, ComparatorKind Kind, string Name, MeasurePeriod Period, string PeriodLabel,
    string Source, ImportChange Change, decimal? OldValue);

/// <summary>The measure an import feeds, as the preview names it.</summary>
public sealed record ImportMeasure(int Id, string Code, string Name, MeasureFrequency Frequency, int DecimalPlaces);

/// <summary>Everything confirming would write, and everything skipped and why; <see cref="Fingerprint"/> pins it between preview and confirmation.</summary>
public sealed record ImportPlan(
    PendingImport Pending,
    ImportMeasure Measure,
    string CouncilName,
    string? RegionName,
    IReadOnlyList<PlannedActual> Actuals,
    IReadOnlyList<PlannedComparator> Comparators,
    IReadOnlyList<DfeSkippedRow> Skipped,
    int RowsNotUsed,
    string? GroupingsUsed,
    string Fingerprint)
{
    public int ChangeCount => Actuals.Count(a => a.Change != ImportChange.Unchanged) + Comparators.Count(c => c.Change != ImportChange.Unchanged);
}

/// <summary>An import plan, or the reasons none can be made (keyed by the form field they concern; "" for the file as a whole).</summary>
public sealed record ImportPlanResult(ImportPlan? Plan, IReadOnlyList<KeyValuePair<string, string>> Errors)
{
    public static ImportPlanResult Refused(string key, string message) => new(null, [new(key, message)]);
}
