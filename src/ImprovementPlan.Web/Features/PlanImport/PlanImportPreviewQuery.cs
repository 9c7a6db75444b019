using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Plans.Import;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using L = ImprovementPlan.Domain.Plans.Import.PlanWorkbookLayout;

namespace ImprovementPlan.Web.Features.PlanImport;

/// <summary>The columns of the uploaded Actions sheet: which field each matched, and those that matched none.</summary>
public sealed record ActionSheetColumns(string SheetName, int HeaderRow, IReadOnlyList<(int Column, string Heading, string? FieldKey)> Columns)
{
    public IEnumerable<(int Column, string Heading, string? FieldKey)> Unmatched => Columns.Where(c => c.FieldKey is null);
}

/// <summary>Reads a pending workbook and compares it with the plan: what would be added, what changed, and what stops the import.</summary>
public sealed class PlanImportPreviewQuery(ImprovementPlanDbContext db, PendingPlanImportStorageService store)
{
    private const string DateFormat = "d MMMM yyyy";

    /// <summary>The workbook's cells, or the reason they could not be read.</summary>
    public async Task<XlsxReadResult> ReadAsync(PendingPlanImport pending, CancellationToken cancellationToken)
    {
        await using var data = await store.OpenAsync(pending, cancellationToken);
        return XlsxWorkbookReader.Read(data, store.Options.MaxRows);
    }

    /// <summary>The Actions sheet's columns as matched by heading, with any choices already made.</summary>
    public static ActionSheetColumns? Columns(WorkbookContent workbook, IReadOnlyDictionary<int, string>? choices)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        if (PlanWorkbookReader.ActionsSheet(workbook) is not { } sheet)
        {
            return null;
        }

        var headerRow = PlanWorkbookReader.HeaderRow(sheet, L.ActionFields);
        var (mapped, _) = HeaderMatcher.MapColumns(sheet, headerRow, L.ActionFields, choices);
        var byColumn = mapped.ToDictionary(m => m.Value, m => m.Key);
        var columns = new List<(int, string, string?)>();
        for (var column = 1; column <= sheet.LastColumn; column++)
        {
            var heading = sheet.Cell(headerRow, column);
            if (heading.IsBlank && !byColumn.ContainsKey(column))
            {
                continue;
            }

            columns.Add((column, heading.Text.Trim(), byColumn.GetValueOrDefault(column)));
        }

        return new ActionSheetColumns(sheet.Name, headerRow, columns);
    }

    public async Task<PlanImportPreview> BuildAsync(PendingPlanImport pending, WorkbookContent workbook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var planId = pending.PlanId;
        var workstreams = await db.Workstreams.AsNoTracking().Where(w => w.PlanId == planId).ToListAsync(cancellationToken);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(cancellationToken);
        var reviews = await db.SourceReviews.AsNoTracking().Where(r => r.PlanId == planId).ToListAsync(cancellationToken);
        var stages = await db.Stages.AsNoTracking().Where(st => st.PlanId == planId).ToListAsync(cancellationToken);
        var actions = await db.Actions.AsNoTracking().Where(a => a.PlanId == planId)
            .Include(a => a.Workstream).Include(a => a.Priorities).Include(a => a.SourceReviews).ToListAsync(cancellationToken);
        var measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId)
            .Include(m => m.Targets).Include(m => m.Actuals).AsSplitQuery().ToListAsync(cancellationToken);

        var existing = new ExistingPlanKeys(
            workstreams.ToDictionary(w => w.Name, w => w.Code, StringComparer.OrdinalIgnoreCase),
            priorities.Select(p => p.Number).ToHashSet(),
            reviews.Select(r => r.Code).ToHashSet(StringComparer.OrdinalIgnoreCase))
        {
            MeasureCodes = measures.Select(m => m.Code).ToHashSet(StringComparer.OrdinalIgnoreCase),
        };
        var imported = PlanWorkbookReader.Read(workbook, existing, pending.ColumnChoices);
        var notes = imported.Notes.ToList();
        var problems = imported.Problems.ToList();

        var additions = new List<StructureAddition>();
        foreach (var workstream in imported.Workstreams)
        {
            var held = workstreams.FirstOrDefault(w => string.Equals(w.Code, workstream.Code, StringComparison.OrdinalIgnoreCase));
            if (held is null)
            {
                additions.Add(new("Workstream", workstream.Code, workstream.Name));
            }
            else if (held.Name != workstream.Name || held.AccountableLead != workstream.AccountableLead || held.Description != workstream.Description
                || !held.Outcomes.SequenceEqual(workstream.Outcomes))
            {
                notes.Add(new ImportNote(L.WorkstreamsSheet, workstream.Code, "differs from the plan's workstream; the plan's structure is changed on its own pages, so it is left as it is"));
            }
        }

        foreach (var priority in imported.Priorities)
        {
            var held = priorities.FirstOrDefault(p => p.Number == priority.Number);
            if (held is null)
            {
                additions.Add(new("Priority", priority.Number.ToString(CultureInfo.InvariantCulture), priority.Title));
            }
            else if (held.Title != priority.Title || held.Heading != priority.Heading || held.WhatNeedsToImprove != priority.WhatNeedsToImprove
                || held.WhatOfstedSaid != priority.WhatOfstedSaid || held.ClosingStatement != priority.ClosingStatement)
            {
                notes.Add(new ImportNote(L.PrioritiesSheet, $"priority {priority.Number}", "differs from the plan's priority; the plan's structure is changed on its own pages, so it is left as it is"));
            }
        }

        foreach (var review in imported.SourceReviews.Where(r => !reviews.Any(h => string.Equals(h.Code, r.Code, StringComparison.OrdinalIgnoreCase))))
        {
            additions.Add(new("Source review", review.Code, review.Title));
        }

        foreach (var stage in imported.Stages)
        {
            var held = stages.FirstOrDefault(st => st.Number == stage.Number);
            if (held is null)
            {
                additions.Add(new("Stage", stage.Number.ToString(CultureInfo.InvariantCulture), stage.Name));
            }
            else if (held.Name != stage.Name || held.TargetDate != stage.TargetDate || held.TargetDateText != stage.TargetDateText
                || held.Description != stage.Description || !held.Benefits.SequenceEqual(stage.Benefits) || !held.Deliverables.SequenceEqual(stage.Deliverables))
            {
                notes.Add(new ImportNote(L.StagesSheet, $"stage {stage.Number}", "differs from the plan's stage; the plan's structure is changed on its own pages, so it is left as it is"));
            }
        }

        var present = imported.ActionColumnsPresent;
        var changes = new List<ActionChange>();
        foreach (var row in imported.Actions)
        {
            var held = actions.FirstOrDefault(a => string.Equals(a.Reference, row.Reference, StringComparison.OrdinalIgnoreCase));
            var status = StatusOf(row.Status);
            if (row.Status is not null && status is null)
            {
                problems.Add(new ImportProblem(imported.ActionsSheetName, row.StatusCell, $"‘{row.Status}’ is not a status; use Not yet reported, Not started, In progress or Complete"));
            }

            if (held is null)
            {
                if (status is { } wanted && wanted != ActionStatus.NotYetReported)
                {
                    notes.Add(new ImportNote(L.ActionsSheet, row.Reference, $"STATUS ‘{row.Status}’ is not imported: an action's status is set by approved progress updates, so it starts as not yet reported"));
                }

                changes.Add(new ActionChange(row.Reference, true, row.ActionText, [.. Fields(row, present).Select(f => new FieldChange(f.Heading, null, f.Value))]));
                continue;
            }

            var old = ValuesOf(held);
            var diff = Fields(row, present).Where(f => f.Key != L.Action.DueDate && f.Key != L.Action.Note && old[f.Key] != f.Value)
                .Select(f => new FieldChange(f.Heading, old[f.Key], f.Value)).ToList();
            if (present.Contains(L.Action.DueDate) && Text(row.DueDate) != old[L.Action.DueDate])
            {
                notes.Add(new ImportNote(L.ActionsSheet, row.Reference, $"the due date is not changed ({old[L.Action.DueDate] ?? "none"} in the plan, {Text(row.DueDate) ?? "none"} in the workbook): ask for a due-date change instead"));
            }

            if (status is { } s && s != held.Status)
            {
                notes.Add(new ImportNote(L.ActionsSheet, row.Reference, $"STATUS ‘{row.Status}’ is not imported: an action's status is set by approved progress updates"));
            }

            if (diff.Count > 0)
            {
                changes.Add(new ActionChange(held.Reference, false, row.ActionText, diff));
            }
        }

        var measureChanges = MeasureImportComparison.Compare(imported, measures, priorities.ToDictionary(p => p.Id, p => p.Number), notes, problems);
        return new PlanImportPreview(pending, imported, additions, changes, measureChanges, notes, problems, Fingerprint(additions, changes, measureChanges));
    }

    internal static ActionStatus? StatusOf(string? text) =>
        text is null ? null : Enum.GetValues<ActionStatus>().Cast<ActionStatus?>()
            .FirstOrDefault(s => HeaderMatcher.Normalise(RagDisplay.Status(s!.Value)) == HeaderMatcher.Normalise(text)
                || HeaderMatcher.Normalise(s!.Value.ToString()) == HeaderMatcher.Normalise(text));

    private static string? Text(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string? Join<T>(IEnumerable<T>? items) => items is null ? null : string.Join(", ", items) is { Length: > 0 } joined ? joined : null;

    /// <summary>The row's values by field, only for the columns the workbook has.</summary>
    private static IEnumerable<(string Key, string Heading, string? Value)> Fields(ImportedAction row, IReadOnlySet<string> present)
    {
        var values = new Dictionary<string, string?>
        {
            [L.Action.Workstream] = row.WorkstreamCode,
            [L.Action.LinkTo] = row.LinkTo,
            [L.Action.Text] = row.ActionText,
            [L.Action.Timeframe] = row.Timeframe,
            [L.Action.DueDate] = Text(row.DueDate),
            [L.Action.Outcome] = row.Outcome,
            [L.Action.HowWillWeKnow] = row.HowWillWeKnow,
            [L.Action.WhatSuccessLooksLike] = row.WhatSuccessLooksLike,
            [L.Action.SeniorResponsibleOfficer] = row.SeniorResponsibleOfficer,
            [L.Action.LeadOfficer] = row.LeadOfficer,
            [L.Action.Priorities] = Join(row.PriorityNumbers?.Order()),
            [L.Action.SourceReviews] = Join(row.SourceReviewCodes?.Order(StringComparer.Ordinal)),
            [L.Action.Note] = row.Note,
        };
        foreach (var field in L.ActionFields.Where(f => values.ContainsKey(f.Key)))
        {
            if (present.Contains(field.Key) || (field.Key == L.Action.DueDate && row.DueDate is not null))
            {
                yield return (field.Key, field.Heading, values[field.Key]);
            }
        }
    }

    private static Dictionary<string, string?> ValuesOf(ImprovementAction action) => new()
    {
        [L.Action.Workstream] = action.Workstream?.Code,
        [L.Action.LinkTo] = action.LinkTo,
        [L.Action.Text] = action.ActionText,
        [L.Action.Timeframe] = action.Timeframe,
        [L.Action.DueDate] = Text(action.DueDate),
        [L.Action.Outcome] = action.Outcome,
        [L.Action.HowWillWeKnow] = action.HowWillWeKnow,
        [L.Action.WhatSuccessLooksLike] = action.WhatSuccessLooksLike,
        [L.Action.SeniorResponsibleOfficer] = action.SeniorResponsibleOfficer,
        [L.Action.LeadOfficer] = action.LeadOfficer,
        [L.Action.Priorities] = Join(action.Priorities.Select(p => p.Number).Order()),
        [L.Action.SourceReviews] = Join(action.SourceReviews.Select(r => r.Code).Order(StringComparer.Ordinal)),
        [L.Action.Note] = action.TranscriptionNote,
    };

    private static string Fingerprint(IEnumerable<StructureAddition> additions, IEnumerable<ActionChange> changes, IEnumerable<MeasureChange> measures)
    {
        var text = new StringBuilder();
        foreach (var addition in additions)
        {
            text.Append(addition.Kind).Append('\u001f').Append(addition.Key).Append('\u001e');
        }

        foreach (var change in changes)
        {
            text.Append(change.Reference).Append('\u001f').Append(change.IsNew);
            foreach (var field in change.Changes)
            {
                text.Append('\u001f').Append(field.Field).Append('\u001f').Append(field.Old).Append('\u001f').Append(field.New);
            }

            text.Append('\u001e');
        }

        foreach (var change in measures)
        {
            text.Append(change.Kind).Append('\u001f').Append(change.Key).Append('\u001f').Append(change.IsNew);
            foreach (var field in change.Changes)
            {
                text.Append('\u001f').Append(field.Field).Append('\u001f').Append(field.Old).Append('\u001f').Append(field.New);
            }

            text.Append('\u001e');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
