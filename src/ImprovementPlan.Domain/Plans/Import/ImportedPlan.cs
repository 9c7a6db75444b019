using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Rag;

namespace ImprovementPlan.Domain.Plans.Import;

public sealed record ImportedWorkstream(string Code, string Name, int SortOrder, string? AccountableLead, string? Description, IReadOnlyList<string> Outcomes);

public sealed record ImportedPriority(int Number, string Title, string? Heading, string WhatNeedsToImprove, string WhatOfstedSaid, string? ClosingStatement);

public sealed record ImportedSourceReview(string Code, string Title, DateOnly? Date, string? DateText);

/// <summary>One row of the Stages sheet: a delivery stage and its deliverables, matched to the plan's stages by number.</summary>
public sealed record ImportedStage(int Number, string Name, DateOnly TargetDate, string? TargetDateText, string? Description,
    IReadOnlyList<string> Benefits, IReadOnlyList<string> Deliverables);

/// <summary>One row of the Actions sheet, read and checked; <see cref="WorkstreamCode"/> is the plan's code for the workstream named.</summary>
public sealed record ImportedAction(
    int Row,
    string Reference,
    string WorkstreamCode,
    string? LinkTo,
    string ActionText,
    string? Timeframe,
    DateOnly? DueDate,
    string? Outcome,
    string? HowWillWeKnow,
    string? WhatSuccessLooksLike,
    string? SeniorResponsibleOfficer,
    string? LeadOfficer,
    string? Status,
    IReadOnlyList<int>? PriorityNumbers,
    IReadOnlyList<string>? SourceReviewCodes,
    string? Note,
    string? StatusCell = null);

/// <summary>One row of the Measures sheet: a measure's definition and baseline, matched to the plan's measures by <see cref="Code"/>.</summary>
public sealed record ImportedMeasure(
    string Code,
    string Name,
    string? Description,
    int? PriorityNumber,
    MeasureUnit Unit,
    int DecimalPlaces,
    Polarity Polarity,
    decimal Tolerance,
    MeasureFrequency Frequency,
    int LagDays,
    string? Owner,
    string? Source,
    string? SourceText,
    TrajectoryShape TrajectoryShape,
    decimal? BaselineValue,
    DateOnly? BaselinePeriodStart,
    DateOnly? BaselinePeriodEnd,
    string? BaselinePeriodLabel,
    DateOnly? RetiredOn,
    string Cell);

/// <summary>One row of the Targets sheet: a point of a measure's trajectory, matched by measure and date.</summary>
public sealed record ImportedTarget(string MeasureCode, DateOnly Date, decimal Value, string? Label, string? Note, bool DateAssumed, string ValueCell);

/// <summary>One row of the Actuals sheet: a measure's figure for one period, matched by measure and period.</summary>
public sealed record ImportedActual(
    string MeasureCode,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string? PeriodLabel,
    decimal Value,
    string? Note,
    DateOnly? AsAt,
    bool IsProvisional,
    string PeriodCell,
    string ValueCell);

/// <summary>A remark about how a cell was read, shown in the preview (e.g. a month read as its last day).</summary>
public sealed record ImportNote(string Sheet, string Cell, string Text)
{
    public override string ToString() => $"{Sheet}, {Cell}: {Text}";
}

/// <summary>What the plan already holds that the workbook's rows may refer to.</summary>
public sealed record ExistingPlanKeys(
    IReadOnlyDictionary<string, string> WorkstreamCodesByName,
    IReadOnlySet<int> PriorityNumbers,
    IReadOnlySet<string> SourceReviewCodes)
{
    public static ExistingPlanKeys None { get; } = new(new Dictionary<string, string>(), new HashSet<int>(), new HashSet<string>());

    /// <summary>The codes of the plan's measures, which the Targets and Actuals sheets may name.</summary>
    public IReadOnlySet<string> MeasureCodes { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>A workbook read as a plan: its rows, what was noted while reading, and every problem that stops the import.</summary>
public sealed record ImportedPlan(
    IReadOnlyList<ImportedWorkstream> Workstreams,
    IReadOnlyList<ImportedPriority> Priorities,
    IReadOnlyList<ImportedSourceReview> SourceReviews,
    IReadOnlyList<ImportedAction> Actions,
    IReadOnlyList<ImportNote> Notes,
    IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>Columns of the Actions sheet the import used, by field key; the preview compares only these.</summary>
    public IReadOnlySet<string> ActionColumnsPresent { get; init; } = new HashSet<string>();

    /// <summary>The rows of the Stages sheet, if the workbook has one.</summary>
    public IReadOnlyList<ImportedStage> Stages { get; init; } = [];

    /// <summary>The rows of the Measures sheet, if the workbook has one.</summary>
    public IReadOnlyList<ImportedMeasure> Measures { get; init; } = [];

    /// <summary>The rows of the Targets sheet.</summary>
    public IReadOnlyList<ImportedTarget> Targets { get; init; } = [];

    /// <summary>The rows of the Actuals sheet.</summary>
    public IReadOnlyList<ImportedActual> Actuals { get; init; } = [];

    /// <summary>The name of the sheet the actions were read from.</summary>
    public string ActionsSheetName { get; init; } = PlanWorkbookLayout.ActionsSheet;
}
