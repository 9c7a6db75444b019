using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Measures.Import;

public enum ConfirmImportOutcome
{
    Imported = 0,

    /// <summary>The pending import or its measure is gone.</summary>
    NotFound = 1,

    /// <summary>No plan can be made any more (e.g. the saved groupings changed); the messages say why.</summary>
    Invalid = 2,

    /// <summary>What would be written is no longer what the preview showed: show the new preview.</summary>
    Changed = 3,
}

public sealed record ConfirmImportResult(ConfirmImportOutcome Outcome, ImportPlan? Plan, IReadOnlyList<KeyValuePair<string, string>> Errors);

/// <summary>
/// Writes a previewed import: the figures and comparators the preview showed, all in one transaction
/// or none of them, and only if the preview still stands (its fingerprint). Figures already held with
/// the same value are left alone, so importing the same file twice changes nothing.
/// </summary>
public sealed partial class ConfirmImportHandler(ImprovementPlanDbContext db, DfeImportPlanQuery plans, PendingImportStorageService store,
    CurrentUser currentUser, ILogger<ConfirmImportHandler> logger)
{
    public async Task<ConfirmImportResult> HandleAsync(PendingImport pending, string? fingerprint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (!pending.IsReadyToPreview)
        {
            return new ConfirmImportResult(ConfirmImportOutcome.Invalid, null, [new("", "Choose what to import before confirming it")]);
        }

        var userName = await db.Users.Where(u => u.Id == currentUser.Id).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken)
            is { Length: > 0 } displayName ? displayName : currentUser.Name;
        ConfirmImportResult result;
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            result = await strategy.ExecuteAsync(async ct =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var measure = await plans.FindMeasureAsync(pending.PlanId, pending.MeasureId!.Value, tracking: true, ct);
                if (measure is null)
                {
                    return new ConfirmImportResult(ConfirmImportOutcome.NotFound, null, []);
                }

                var built = await plans.BuildAsync(pending, measure, ct);
                if (built.Plan is not { } plan)
                {
                    return new ConfirmImportResult(ConfirmImportOutcome.Invalid, null, built.Errors);
                }

                if (!string.Equals(plan.Fingerprint, fingerprint, StringComparison.Ordinal))
                {
                    return new ConfirmImportResult(ConfirmImportOutcome.Changed, plan, []);
                }

                DfeImportPlanQuery.Apply(plan, measure, currentUser.Id, userName);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return new ConfirmImportResult(ConfirmImportOutcome.Imported, plan, []);
            }, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Someone changed the same figures at the same moment (a concurrency token or the unique index per period).
            LogConflict(logger, e);
            db.ChangeTracker.Clear();
            var measure = await plans.FindMeasureAsync(pending.PlanId, pending.MeasureId!.Value, tracking: false, cancellationToken);
            var rebuilt = measure is null ? null : await plans.BuildAsync(pending, measure, cancellationToken);
            return rebuilt?.Plan is { } plan
                ? new ConfirmImportResult(ConfirmImportOutcome.Changed, plan, [])
                : new ConfirmImportResult(ConfirmImportOutcome.NotFound, null, []);
        }

        if (result.Outcome == ConfirmImportOutcome.Imported)
        {
            try
            {
                store.Complete(pending);
            }
            catch (IOException e)
            {
                // The figures are saved; an upload left behind is deleted when it expires.
                LogCleanupFailed(logger, e);
            }
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A DfE import met a concurrent change and was not written")]
    private static partial void LogConflict(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The files of a confirmed DfE import could not be tidied away")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception);
}
