using System.Security.Claims;
using ImprovementPlan.Domain.Common;
using ImprovementPlan.Domain.Updates;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Features.Updates;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.Approvals;

public enum DecisionResult
{
    Done,

    /// <summary>Someone has already decided it (a double click, or another tab): nothing changed.</summary>
    AlreadyDecided,

    /// <summary>A rule refused the decision; the message says why. Nothing was saved.</summary>
    Refused,
}

public sealed record DecisionOutcome(DecisionResult Result, string? Error = null);

/// <summary>
/// The Service Director approves or returns a submitted update. Approving applies it to its action
/// (the proposed status) in the same transaction, or not at all.
/// </summary>
public sealed class DecideUpdateHandler(ImprovementPlanDbContext db, UpdateRecordsQuery records, TimeProvider clock,
    Notifications.NoticeService notices)
{
    public const string ChangedMessage = "This update has been changed since you opened it. Read it again before you decide.";

    public async Task<DecisionOutcome> ApproveAsync(ClaimsPrincipal user, ProgressUpdate update, UpdateRecord record, DecisionForm form,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(form);
        return await DecideAsync(update, record, form, async () =>
        {
            var (userId, name) = await records.PersonAsync(user, cancellationToken);
            update.Approve(userId, name, clock.GetUtcNow().UtcDateTime, form.Comment?.Trim());
            record.Action?.RecordApprovedProgress(update.ProposedStatus, update.AsAt, update.HasEvidence);
            await NotifyAuthorAsync(update, record, "approved", cancellationToken);
        }, cancellationToken);
    }

    public async Task<DecisionOutcome> ReturnAsync(ClaimsPrincipal user, ProgressUpdate update, UpdateRecord record, DecisionForm form,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(form);
        return await DecideAsync(update, record, form, async () =>
        {
            var (userId, name) = await records.PersonAsync(user, cancellationToken);
            update.Return(userId, name, clock.GetUtcNow().UtcDateTime, form.Comment?.Trim() ?? string.Empty);
            await NotifyAuthorAsync(update, record, "returned", cancellationToken);
        }, cancellationToken);
    }

    private async Task<DecisionOutcome> DecideAsync(ProgressUpdate update, UpdateRecord record, DecisionForm form, Func<Task> decide,
        CancellationToken cancellationToken)
    {
        if (update.State != UpdateState.Submitted)
        {
            return new DecisionOutcome(DecisionResult.AlreadyDecided);
        }

        if (form.Version != update.Version)
        {
            return new DecisionOutcome(DecisionResult.Refused, ChangedMessage);
        }

        db.Entry(update).Property(u => u.Version).OriginalValue = form.Version;
        try
        {
            await decide();
            await db.SaveChangesAsync(cancellationToken);
            return new DecisionOutcome(DecisionResult.Done);
        }
        catch (DomainRuleException exception)
        {
            await ForgetAsync(update, record, cancellationToken);
            return new DecisionOutcome(DecisionResult.Refused, exception.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ForgetAsync(update, record, cancellationToken);
            return new DecisionOutcome(DecisionResult.Refused, ChangedMessage);
        }
    }

    /// <summary>Tells the update's author, in the same save as the decision (an email or a line in their digest).</summary>
    private Task NotifyAuthorAsync(ProgressUpdate update, UpdateRecord record, string decision, CancellationToken cancellationToken)
    {
        var planId = record.Action?.PlanId ?? record.Priority?.PlanId;
        var text = decision == "approved"
            ? $"Your update on {record.Label} has been approved."
            : $"Your update on {record.Label} has been returned to you with a comment. Read the comment, change the update and submit it again.";
        return notices.NotifyAsync(planId, update.AuthorUserId, $"update-{decision}:{update.Id}:{update.Version}",
            $"Your update on {record.Label} has been {decision}", text, $"/updates/{update.Id}", cancellationToken);
    }

    /// <summary>Drops the refused changes, so the page shows what is saved.</summary>
    private async Task ForgetAsync(ProgressUpdate update, UpdateRecord record, CancellationToken cancellationToken)
    {
        await db.Entry(update).ReloadAsync(cancellationToken);
        if (record.Action is { } action)
        {
            await db.Entry(action).ReloadAsync(cancellationToken);
        }
    }
}
