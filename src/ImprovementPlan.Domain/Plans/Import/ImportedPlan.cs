namespace ImprovementPlan.Domain.Plans.Import;

public sealed record ImportedWorkstream(string Code, string Name, int SortOrder, string? AccountableLead, string? Description, IReadOnlyList<string> Outcomes);

public sealed record ImportedPriority(int Number, string Title, string? Heading, string WhatNeedsToImprove, string WhatOfstedSaid, string? ClosingStatement);

public sealed record ImportedSourceReview(string Code, string Title, DateOnly? Date, string? DateText);

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

    /// <summary>The name of the sheet the actions were read from.</summary>
    public string ActionsSheetName { get; init; } = PlanWorkbookLayout.ActionsSheet;
}
