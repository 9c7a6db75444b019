using ImprovementPlan.Domain.Plans.Import;
using ImprovementPlan.Domain.Rag;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using L = ImprovementPlan.Domain.Plans.Import.PlanWorkbookLayout;

namespace ImprovementPlan.Web.Features.Export;

/// <summary>
/// The plan as a workbook in the import template's layout (README, Actions, Workstreams, Priorities,
/// Source reviews, Stages, Measures, Targets, Actuals), so that importing the export into an empty plan gives
/// the same plan back; and the empty template itself.
/// </summary>
public sealed class PlanWorkbookQuery(ImprovementPlanDbContext db, ActionRatings ratings)
{
    private static readonly Dictionary<string, double> Widths = new(StringComparer.Ordinal)
    {
        [L.Action.Ref] = 8,
        [L.Action.Workstream] = 13,
        [L.Action.LinkTo] = 12,
        [L.Action.Text] = 60,
        [L.Action.Timeframe] = 14,
        [L.Action.DueDate] = 12,
        [L.Action.Outcome] = 45,
        [L.Action.HowWillWeKnow] = 45,
        [L.Action.WhatSuccessLooksLike] = 45,
        [L.Action.SeniorResponsibleOfficer] = 28,
        [L.Action.LeadOfficer] = 28,
        [L.Action.Status] = 16,
        [L.Action.Priorities] = 12,
        [L.Action.SourceReviews] = 14,
        [L.Action.Note] = 30,
        [L.Action.DeliveryRating] = 12,
        [L.Action.ImpactRating] = 12,
    };

    /// <summary>The template: every sheet with its headings and no rows.</summary>
    public static byte[] Template()
    {
        using var writer = new XlsxWorkbookWriter();
        ReadMe(writer, exported: false);
        foreach (var (name, fields) in Sheets())
        {
            writer.AddSheet(name, Columns(fields)).Finish();
        }

        return writer.ToArray();
    }

    public async Task<byte[]> ExportAsync(int planId, CancellationToken cancellationToken)
    {
        var workstreams = await db.Workstreams.AsNoTracking().Where(w => w.PlanId == planId).OrderBy(w => w.SortOrder).ToListAsync(cancellationToken);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Number).ToListAsync(cancellationToken);
        var reviews = await db.SourceReviews.AsNoTracking().Where(r => r.PlanId == planId).OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var stages = await db.Stages.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.SortOrder).ThenBy(s => s.Number).ToListAsync(cancellationToken);
        var actions = await db.Actions.AsNoTracking().Where(a => a.PlanId == planId).OrderBy(a => a.Sequence)
            .Include(a => a.Workstream).Include(a => a.Priorities).Include(a => a.SourceReviews).AsSplitQuery().ToListAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId).OrderBy(m => m.Code)
            .Include(m => m.Targets).Include(m => m.Actuals).AsSplitQuery().ToListAsync(cancellationToken);
        var rated = await ratings.ForPlanAsync(planId, cancellationToken);

        using var writer = new XlsxWorkbookWriter();
        ReadMe(writer, exported: true);

        var sheet = writer.AddSheet(L.ActionsSheet, Columns(L.ActionFields));
        foreach (var action in actions)
        {
            sheet.AddRow([
                action.Reference, action.Workstream?.Code, action.LinkTo, action.ActionText, action.Timeframe, action.DueDate, action.Outcome,
                action.HowWillWeKnow, action.WhatSuccessLooksLike, action.SeniorResponsibleOfficer, action.LeadOfficer, RagDisplay.Status(action.Status),
                Joined(action.Priorities.Select(p => p.Number).Order()), Joined(action.SourceReviews.Select(r => r.Code).Order(StringComparer.Ordinal)),
                action.TranscriptionNote,
                rated.TryGetValue(action.Id, out var rating) ? Rating(rating.Delivery.Rag) : null,
                action.ImpactRag is { } impact ? Rating(impact) : null,
            ]);
        }

        sheet.Finish();

        sheet = writer.AddSheet(L.WorkstreamsSheet, Columns(L.WorkstreamFields));
        foreach (var w in workstreams)
        {
            sheet.AddRow([w.Code, w.Name, w.SortOrder, w.AccountableLead, w.Description, Lines(w.Outcomes)]);
        }

        sheet.Finish();

        sheet = writer.AddSheet(L.PrioritiesSheet, Columns(L.PriorityFields));
        foreach (var p in priorities)
        {
            sheet.AddRow([p.Number, p.Title, p.Heading, p.WhatNeedsToImprove, p.WhatOfstedSaid, p.ClosingStatement]);
        }

        sheet.Finish();

        sheet = writer.AddSheet(L.SourceReviewsSheet, Columns(L.SourceReviewFields));
        foreach (var r in reviews)
        {
            sheet.AddRow([r.Code, r.Title, r.Date, r.DateText]);
        }

        sheet.Finish();

        sheet = writer.AddSheet(L.StagesSheet, Columns(L.StageFields));
        foreach (var stage in stages)
        {
            sheet.AddRow([stage.Number, stage.Name, stage.TargetDate, stage.TargetDateText, stage.Description, Lines(stage.Benefits), Lines(stage.Deliverables)]);
        }

        sheet.Finish();

        var priorityNumbers = priorities.ToDictionary(p => p.Id, p => p.Number);
        sheet = writer.AddSheet(L.MeasuresSheet, Columns(L.MeasureFields));
        foreach (var m in measures)
        {
            sheet.AddRow([
                m.Code, m.Name, m.Description, m.PriorityId is { } pid && priorityNumbers.TryGetValue(pid, out var number) ? number : null,
                m.Unit.ToString(), m.DecimalPlaces, m.Polarity.ToString(), m.Tolerance, m.Frequency.ToString(), m.LagDays, m.Owner, m.Source,
                m.SourceText, m.TrajectoryShape.ToString(), m.BaselineValue, m.BaselinePeriodStart, m.BaselinePeriodEnd, m.BaselinePeriodLabel,
                m.RetiredOn,
            ]);
        }

        sheet.Finish();

        sheet = writer.AddSheet(L.TargetsSheet, Columns(L.TargetFields));
        foreach (var (m, t) in measures.SelectMany(m => m.Targets.OrderBy(t => t.Date).Select(t => (m, t))))
        {
            sheet.AddRow([m.Code, t.Date, t.Value, t.Label, t.Note, t.DateAssumed]);
        }

        sheet.Finish();

        sheet = writer.AddSheet(L.ActualsSheet, Columns(L.ActualFields));
        foreach (var (m, a) in measures.SelectMany(m => m.Actuals.OrderBy(a => a.PeriodStart).Select(a => (m, a))))
        {
            sheet.AddRow([m.Code, a.PeriodStart, a.PeriodEnd, a.PeriodLabel, a.Value, a.Note, a.AsAt, a.IsProvisional]);
        }

        sheet.Finish();
        return writer.ToArray();
    }

    private static IEnumerable<(string Name, IReadOnlyList<ImportField> Fields)> Sheets() =>
    [
        (L.ActionsSheet, L.ActionFields), (L.WorkstreamsSheet, L.WorkstreamFields), (L.PrioritiesSheet, L.PriorityFields),
        (L.SourceReviewsSheet, L.SourceReviewFields), (L.StagesSheet, L.StageFields), (L.MeasuresSheet, L.MeasureFields), (L.TargetsSheet, L.TargetFields), (L.ActualsSheet, L.ActualFields),
    ];

    private static List<XlsxColumn> Columns(IReadOnlyList<ImportField> fields) =>
        [.. fields.Select(f => new XlsxColumn(f.Heading, Widths.TryGetValue(f.Key, out var width) ? width : Math.Clamp(f.Heading.Length + 4, 12, 40)))];

    private static XlsxRating Rating(Rag rag) => new(RagDisplay.Word(rag));

    private static string? Joined<T>(IEnumerable<T> items) => string.Join(", ", items) is { Length: > 0 } text ? text : null;

    private static string? Lines(IEnumerable<string> items) => string.Join("\n", items) is { Length: > 0 } text ? text : null;

    private static void ReadMe(XlsxWorkbookWriter writer, bool exported)
    {
        var sheet = writer.AddSheet(L.ReadMeSheet, [new XlsxColumn("About this workbook", 110)], filter: false);
        string[] lines =
        [
            exported
                ? "This is the improvement plan as exported from the Improvement Plan Tracker. Import it into an empty plan to make a copy."
                : "This is the template for importing a whole improvement plan into the Improvement Plan Tracker.",
            "Actions: one row per action. REF, WORKSTREAM and ACTIONS are required; REF must be unique. Other columns may be left empty.",
            "Dates: type them as dates (31/03/2021) or as words (31 March 2021). A month alone (March 2021) is read as its last day.",
            "WORKSTREAM: a code or name from the Workstreams sheet (or the plan). PRIORITIES: priority numbers, such as 1, 7. SOURCE REVIEWS: codes from the Source reviews sheet.",
            "Stages: one row per delivery stage, by NUMBER, with its TARGET DATE; BENEFITS and DELIVERABLES one to a line.",
            "STATUS and the ratings are shown for information: in the tracker they come from approved progress updates.",
            "Importing updates actions by REF and adds new ones; it never deletes. Importing the same workbook twice changes nothing.",
            "Do not use formulas: paste values instead. Other workbooks can be imported too; the tracker asks which column is which.",
            "Measures: one row per measure, matched by CODE. UNIT, POLARITY, FREQUENCY and TRAJECTORY take the words the export writes (Percent, HigherIsBetter, Monthly, Stepped).",
            "Targets: one row per point of a measure's trajectory, matched by MEASURE CODE and DATE. Actuals: one row per figure, matched by MEASURE CODE and its period.",
            "A figure already in the tracker that the workbook changes is recorded as a correction, with the workbook's name as its reason.",
        ];
        foreach (var line in lines)
        {
            sheet.AddRow([line]);
        }

        sheet.Finish();
    }
}
