using System.Security.Claims;
using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Domain.Plans;
using ImprovementPlan.Web.Data;
using ImprovementPlan.Web.Identity;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace ImprovementPlan.Web.Features.DueDates;

/// <summary>The outcome of a decision on a due-date change.</summary>
public enum DecisionResult
{
    NotFound,
    Invalid,
    AlreadyDecided,
    Done,
}

/// <summary>
/// Requests to move an action's due date and the Service Director's decisions on them. The action's
/// original due date never changes, so the slippage stays visible.
/// </summary>
public sealed class DueDateChangesHandler(ImprovementPlanDbContext db, CurrentPlan currentPlan, UserManager<ApplicationUser> users, TimeProvider clock,
    Notifications.NoticeService notices)
{
    public const string AlreadyWaitingMessage = "A request to move this date is already waiting for the Service Director’s decision";

    /// <summary>The action by reference (tracked, so the caller can authorise against it), or null.</summary>
    public async Task<ImprovementAction?> FindActionAsync(string reference, CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        var wanted = reference.ToUpperInvariant();
        return await db.Actions.SingleOrDefaultAsync(a => a.PlanId == planId && a.Reference == wanted, ct);
    }

    public async Task<DueDateFacts> FactsAsync(ImprovementAction action, bool appliesAtOnce, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        var history = await Rows(action.PlanId, db.DueDateChanges.Where(c => c.ActionId == action.Id)).ToListAsync(ct);
        return new DueDateFacts(action.Reference, action.ActionText, action.OriginalDueDate, action.DueDate,
            [.. history.OrderByDescending(r => r.RequestedAtUtc)], appliesAtOnce);
    }

    /// <summary>
    /// Records a request to move the date. When the requester is the Service Director, who would
    /// decide it anyway, it is approved by them at once and the date moves in the same save.
    /// </summary>
    public async Task<DueDateChange?> RequestAsync(ImprovementAction action, DueDateRequestForm form, ClaimsPrincipal requester,
        ModelStateDictionary modelState, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(requester);
        ArgumentNullException.ThrowIfNull(modelState);
        var (newDate, dateError) = form.NewDueDate.Parse("the new due date");
        if (dateError is not null)
        {
            modelState.AddModelError(nameof(DueDateRequestForm.NewDueDate), dateError);
        }
        else if (newDate == action.DueDate)
        {
            modelState.AddModelError(nameof(DueDateRequestForm.NewDueDate),
                $"The new due date must be different from the current due date, {newDate:d MMMM yyyy}");
        }
        else if (Plan.RefuseDateBeforeStart(
            await db.Plans.Where(p => p.Id == action.PlanId).Select(p => p.PeriodStart).SingleAsync(ct), newDate!.Value,
            "The new due date") is { } early)
        {
            modelState.AddModelError(nameof(DueDateRequestForm.NewDueDate), early);
        }

        if (string.IsNullOrWhiteSpace(form.Reason))
        {
            modelState.AddModelError(nameof(DueDateRequestForm.Reason), "Enter a reason for moving the date");
        }
        else if (form.Reason.Length > DueDateRequestForm.ReasonLimit)
        {
            modelState.AddModelError(nameof(DueDateRequestForm.Reason), "The reason must be 2,000 characters or fewer");
        }

        if (await db.DueDateChanges.AnyAsync(c => c.ActionId == action.Id && c.State == DueDateChangeState.Pending, ct))
        {
            modelState.AddModelError(nameof(DueDateRequestForm.NewDueDate), AlreadyWaitingMessage);
        }

        if (!modelState.IsValid)
        {
            return null;
        }

        var (userId, name) = await WhoAsync(requester);
        var now = clock.GetUtcNow().UtcDateTime;
        var change = new DueDateChange(action.Id, action.DueDate, newDate!.Value, form.Reason!.Trim(), userId, name, now);
        if (requester.IsInRole(Roles.ServiceDirector))
        {
            change.Approve(action, userId, name, now, "Requested by the Service Director, who decides due-date changes");
        }

        db.DueDateChanges.Add(change);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (change.State == DueDateChangeState.Pending)
        {
            // Another request for this action was saved a moment ago and the unique index refused this one.
            db.ChangeTracker.Clear();
            if (!await db.DueDateChanges.AnyAsync(c => c.ActionId == action.Id && c.State == DueDateChangeState.Pending, ct))
            {
                throw;
            }

            modelState.AddModelError(nameof(DueDateRequestForm.NewDueDate), AlreadyWaitingMessage);
            return null;
        }

        return change;
    }

    /// <summary>The current plan's requests: those waiting, and the last twenty decided.</summary>
    public async Task<PendingChangesPage> PendingAsync(CancellationToken ct)
    {
        var planId = await currentPlan.IdAsync(ct);
        var pending = await Rows(planId, db.DueDateChanges.Where(c => c.State == DueDateChangeState.Pending)).ToListAsync(ct);
        var decided = await Rows(planId, db.DueDateChanges.Where(c => c.State != DueDateChangeState.Pending)).ToListAsync(ct);
        return new PendingChangesPage(
            [.. pending.OrderBy(r => r.RequestedAtUtc)],
            [.. decided.OrderByDescending(r => r.RequestedAtUtc).Take(20)]);
    }

    /// <summary>Approves (moving the action's due date) or rejects a pending request, in one save.</summary>
    public async Task<(DecisionResult Result, string? Reference, DateOnly? ToDate)> DecideAsync(int id, bool approve, string? comment,
        ClaimsPrincipal decider, ModelStateDictionary modelState, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        // A request is decided only from its own plan's list: an id of another plan's request is not found.
        var planId = await currentPlan.IdAsync(ct);
        var change = await db.DueDateChanges.SingleOrDefaultAsync(c => c.Id == id, ct);
        var action = change is null ? null : await db.Actions.SingleOrDefaultAsync(a => a.Id == change.ActionId && a.PlanId == planId, ct);
        if (change is null || action is null)
        {
            return (DecisionResult.NotFound, null, null);
        }

        if (change.State != DueDateChangeState.Pending)
        {
            return (DecisionResult.AlreadyDecided, action.Reference, change.ToDate);
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!approve && comment is null)
        {
            modelState.AddModelError(CommentKey(id), "Enter a comment explaining why you are rejecting the request");
        }
        else if (comment?.Length > DueDateRequestForm.ReasonLimit)
        {
            modelState.AddModelError(CommentKey(id), "The comment must be 2,000 characters or fewer");
        }

        if (!modelState.IsValid)
        {
            return (DecisionResult.Invalid, action.Reference, change.ToDate);
        }

        var (userId, name) = await WhoAsync(decider!);
        var now = clock.GetUtcNow().UtcDateTime;
        if (approve)
        {
            change.Approve(action, userId, name, now, comment);
        }
        else
        {
            change.Reject(userId, name, now, comment!);
        }

        // The requester hears of the decision in the same save (an email or a line in their digest).
        var decided = approve ? "approved" : "rejected";
        await notices.NotifyAsync(action.PlanId, change.RequestedByUserId, $"due-date-{decided}:{change.Id}",
            $"Your request to move the due date of action {action.Reference} has been {decided}",
            approve
                ? $"The Service Director approved moving the due date of action {action.Reference} to {change.ToDate:d MMMM yyyy}."
                : $"The Service Director rejected moving the due date of action {action.Reference} to {change.ToDate:d MMMM yyyy}. The due date stays as it was.",
            $"/actions/{Uri.EscapeDataString(action.Reference)}", ct);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Decided by someone else a moment ago.
            db.ChangeTracker.Clear();
            return (DecisionResult.AlreadyDecided, action.Reference, change.ToDate);
        }

        return (DecisionResult.Done, action.Reference, change.ToDate);
    }

    /// <summary>The form field that carries the comment on request <paramref name="id"/> (each request on the list has its own).</summary>
    public static string CommentKey(int id) => $"Comment-{id}";

    private async Task<(string? UserId, string Name)> WhoAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        return (user?.Id, user?.DisplayName is { Length: > 0 } display ? display : principal.Identity?.Name ?? "Unknown user");
    }

    private IQueryable<DueDateChangeRow> Rows(int planId, IQueryable<DueDateChange> changes) =>
        from a in db.Actions
        where a.PlanId == planId
        join c in changes on a.Id equals c.ActionId
        select new DueDateChangeRow(c.Id, a.Reference, a.OriginalDueDate, c.FromDate, c.ToDate, c.Reason, c.RequestedByName,
            c.RequestedAtUtc, c.State, c.DecidedByName, c.DecisionComment);
}
