using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Measures;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Domain.Plans.Import;
using ImprovementPlan.Web.Data;
using Microsoft.EntityFrameworkCore;
using L = ImprovementPlan.Domain.Plans.Import.PlanWorkbookLayout;

namespace ImprovementPlan.Web.Features.PlanImport;

public enum ConfirmPlanImportOutcome
{
    Imported,
    Invalid,
    Changed,
}

/// <summary>The outcome of a confirmation, with the preview it was checked against.</summary>
public sealed record ConfirmPlanImportResult(ConfirmPlanImportOutcome Outcome, PlanImportPreview? Preview, string? Error = null);

/// <summary>
/// Writes a previewed import into its plan, all or nothing, in one transaction with its audit entries:
/// new workstreams, priorities and source reviews, then new actions and changed actions by REF, then
/// measures by code, their targets by date and their figures by period (a changed figure is recorded
/// as a correction whose reason names the workbook, as the measure's rules require). The
/// workbook is read and compared again inside the transaction; if anything differs from the preview
/// the user saw (by its fingerprint), nothing is written.
/// </summary>
public sealed partial class ConfirmPlanImportHandler(
    ImprovementPlanDbContext db,
    PlanImportPreviewQuery previews,
    PendingPlanImportStorageService store,
    ILogger<ConfirmPlanImportHandler> logger)
{
    public async Task<ConfirmPlanImportResult> HandleAsync(PendingPlanImport pending, string? fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var read = await previews.ReadAsync(pending, cancellationToken);
        if (read.Workbook is not { } workbook)
        {
            return new ConfirmPlanImportResult(ConfirmPlanImportOutcome.Invalid, null, read.Error);
        }

        ConfirmPlanImportResult result;
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            result = await strategy.ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var preview = await previews.BuildAsync(pending, workbook, ct);
                if (preview.Problems.Count > 0)
                {
                    return new ConfirmPlanImportResult(ConfirmPlanImportOutcome.Invalid, preview);
                }

                if (!string.Equals(preview.Fingerprint, fingerprint, StringComparison.Ordinal))
                {
                    return new ConfirmPlanImportResult(ConfirmPlanImportOutcome.Changed, preview);
                }

                await ApplyAsync(pending, preview, ct);
                await transaction.CommitAsync(ct);
                return new ConfirmPlanImportResult(ConfirmPlanImportOutcome.Imported, preview);
            }, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            LogConflict(logger, e);
            db.ChangeTracker.Clear();
            return new ConfirmPlanImportResult(ConfirmPlanImportOutcome.Changed, await previews.BuildAsync(pending, workbook, cancellationToken));
        }

        if (result.Outcome == ConfirmPlanImportOutcome.Imported)
        {
            try
            {
                store.Delete(pending.Id);
            }
            catch (IOException e)
            {
                // The plan is saved; a workbook left behind is deleted when it expires.
                LogCleanupFailed(logger, e);
            }
        }

        return result;
    }

    private async Task ApplyAsync(PendingPlanImport pending, PlanImportPreview preview, CancellationToken ct)
    {
        var planId = pending.PlanId;
        var imported = preview.Imported;
        var added = preview.Additions.Select(a => (a.Kind, a.Key)).ToHashSet();
        foreach (var workstream in imported.Workstreams.Where(w => added.Contains(("Workstream", w.Code))))
        {
            db.Workstreams.Add(new Workstream(planId, workstream.Code, workstream.Name, workstream.SortOrder, workstream.AccountableLead,
                workstream.Description, workstream.Outcomes));
        }

        foreach (var priority in imported.Priorities.Where(p => added.Contains(("Priority", p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
        {
            db.Priorities.Add(new Priority(planId, priority.Number, priority.Title, priority.Heading, priority.WhatNeedsToImprove,
                priority.WhatOfstedSaid, priority.ClosingStatement));
        }

        foreach (var review in imported.SourceReviews.Where(r => added.Contains(("Source review", r.Code))))
        {
            db.SourceReviews.Add(new SourceReview(planId, review.Code, review.Title, review.Date, review.DateText));
        }

        var stageOrder = await db.Stages.Where(st => st.PlanId == planId).MaxAsync(st => (int?)st.SortOrder, ct) ?? 0;
        foreach (var row in imported.Stages.Where(st => added.Contains(("Stage", st.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
        {
            var stage = new Stage(planId, row.Number, row.Name, row.TargetDate, row.TargetDateText, row.Description, row.Benefits, row.Deliverables);
            stage.MoveTo(++stageOrder);
            db.Stages.Add(stage);
        }

        await db.SaveChangesAsync(ct);

        var workstreams = await db.Workstreams.Where(w => w.PlanId == planId).ToListAsync(ct);
        var priorities = await db.Priorities.Where(p => p.PlanId == planId).ToListAsync(ct);
        var reviews = await db.SourceReviews.Where(r => r.PlanId == planId).ToListAsync(ct);
        var actions = await db.Actions.Where(a => a.PlanId == planId).Include(a => a.Priorities).Include(a => a.SourceReviews).ToListAsync(ct);
        var changed = preview.Actions.Select(a => a.Reference).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var present = imported.ActionColumnsPresent;
        var sequence = actions.Count == 0 ? 0 : actions.Max(a => a.Sequence);

        foreach (var row in imported.Actions.Where(r => changed.Contains(r.Reference)))
        {
            var workstreamId = workstreams.First(w => string.Equals(w.Code, row.WorkstreamCode, StringComparison.OrdinalIgnoreCase)).Id;
            var held = actions.FirstOrDefault(a => string.Equals(a.Reference, row.Reference, StringComparison.OrdinalIgnoreCase));
            if (held is null)
            {
                var action = new ImprovementAction(planId, workstreamId, row.Reference, ++sequence, new ActionColumns(row.ActionText, row.LinkTo,
                    row.Timeframe, row.DueDate, row.Outcome, row.HowWillWeKnow, row.WhatSuccessLooksLike, row.SeniorResponsibleOfficer,
                    row.LeadOfficer, row.Note));
                Link(action, row, priorities, reviews);
                db.Actions.Add(action);
                continue;
            }

            string? Pick(string key, string? value, string? old) => present.Contains(key) ? value : old;
            held.Edit(workstreamId, new ActionColumns(
                row.ActionText,
                Pick(L.Action.LinkTo, row.LinkTo, held.LinkTo),
                Pick(L.Action.Timeframe, row.Timeframe, held.Timeframe),
                held.DueDate,
                Pick(L.Action.Outcome, row.Outcome, held.Outcome),
                Pick(L.Action.HowWillWeKnow, row.HowWillWeKnow, held.HowWillWeKnow),
                Pick(L.Action.WhatSuccessLooksLike, row.WhatSuccessLooksLike, held.WhatSuccessLooksLike),
                Pick(L.Action.SeniorResponsibleOfficer, row.SeniorResponsibleOfficer, held.SeniorResponsibleOfficer),
                Pick(L.Action.LeadOfficer, row.LeadOfficer, held.LeadOfficer),
                held.TranscriptionNote));
            Link(held, row, priorities, reviews);
        }

        await ApplyMeasuresAsync(pending, preview, priorities, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds and changes the measures, targets and figures the preview listed; the caller saves.</summary>
    private async Task ApplyMeasuresAsync(PendingPlanImport pending, PlanImportPreview preview, List<Priority> priorities, CancellationToken ct)
    {
        if (preview.Measures.Count == 0)
        {
            return;
        }

        var imported = preview.Imported;
        var listed = preview.Measures.Where(m => m.Kind == MeasureImportComparison.MeasureKind)
            .Select(m => m.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var recordedBy = await db.Users.Where(u => u.Id == pending.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) is { Length: > 0 } name
            ? name
            : "Plan import";
        var reason = $"Imported from {pending.FileName}";
        var measures = await db.Measures.Where(m => m.PlanId == pending.PlanId).Include(m => m.Targets).Include(m => m.Actuals).AsSplitQuery()
            .ToListAsync(ct);
        Measure Find(string code) => measures.First(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));

        foreach (var row in imported.Measures.Where(m => listed.Contains(m.Code)))
        {
            var definition = new MeasureDefinition
            {
                Name = row.Name,
                Description = row.Description,
                Unit = row.Unit,
                DecimalPlaces = row.DecimalPlaces,
                Polarity = row.Polarity,
                Tolerance = row.Tolerance,
                Frequency = row.Frequency,
                LagDays = row.LagDays,
                Owner = row.Owner,
                Source = row.Source,
                PriorityId = row.PriorityNumber is { } number ? priorities.First(p => p.Number == number).Id : null,
                TrajectoryShape = row.TrajectoryShape,
            };
            var measure = measures.FirstOrDefault(m => string.Equals(m.Code, row.Code, StringComparison.OrdinalIgnoreCase));
            if (measure is null)
            {
                measure = new Measure(pending.PlanId, row.Code, definition);
                db.Measures.Add(measure);
                measures.Add(measure);
            }
            else
            {
                // The data owner is a user of this tracker, which a workbook does not name: keep the one chosen here.
                measure.Redefine(definition with { DataOwnerUserId = measure.DataOwnerUserId });
            }

            measure.SetSourceText(row.SourceText);
            measure.SetBaseline(row.BaselineValue,
                row.BaselinePeriodStart is { } start && row.BaselinePeriodEnd is { } end ? new MeasurePeriod(start, end) : null,
                MeasureImportComparison.BaselineLabel(row));
            if (measure.RetiredOn != row.RetiredOn)
            {
                measure.Reinstate();
                if (row.RetiredOn is { } retired)
                {
                    measure.Retire(retired);
                }
            }
        }

        foreach (var row in imported.Targets)
        {
            var measure = Find(row.MeasureCode);
            var held = measure.Targets.FirstOrDefault(t => t.Date == row.Date);
            if (held is null)
            {
                measure.AddTarget(row.Date, row.Value, row.Label, row.Note, row.DateAssumed);
            }
            else if (held.Value != row.Value || held.Label != row.Label || held.Note != row.Note || held.DateAssumed != row.DateAssumed)
            {
                measure.ChangeTarget(held.Id, row.Date, row.Value, row.Label, row.Note, row.DateAssumed);
            }
        }

        foreach (var row in imported.Actuals)
        {
            var measure = Find(row.MeasureCode);
            var period = new MeasurePeriod(row.PeriodStart, row.PeriodEnd);
            if (measure.ActualFor(period) is not { } held)
            {
                measure.RecordActual(period, row.Value, row.Note, row.IsProvisional, row.AsAt ?? row.PeriodEnd, pending.UserId, recordedBy, row.PeriodLabel);
            }
            else if (held.Value != row.Value || held.Note != row.Note || held.IsProvisional != row.IsProvisional || (row.AsAt is { } asAt && asAt != held.AsAt))
            {
                measure.CorrectActual(held.Id, row.Value, row.Note, row.IsProvisional, row.AsAt ?? held.AsAt, reason, pending.UserId, recordedBy);
            }
        }
    }

    private static void Link(ImprovementAction action, ImportedAction row, List<Priority> priorities, List<SourceReview> reviews)
    {
        if (row.PriorityNumbers is { } numbers)
        {
            action.ReplacePriorities(numbers.Select(n => priorities.First(p => p.Number == n)));
        }

        if (row.SourceReviewCodes is { } codes)
        {
            action.ReplaceSourceReviews(codes.Select(c => reviews.First(r => string.Equals(r.Code, c, StringComparison.OrdinalIgnoreCase))));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A plan import met a concurrent change and was not written")]
    private static partial void LogConflict(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The workbook of a confirmed plan import could not be tidied away")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception);
}
