using ImprovementPlan.Domain.Actions;
using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.DueDates;

/// <summary>Moving an action's due date under change control: the lead asks, the Service Director decides.</summary>
public sealed class DueDatesController(DueDateChangesHandler changes, IAuthorizationService authorization) : Controller
{
    [HttpGet("/actions/{reference}/due-date")]
    public async Task<IActionResult> RequestChange([FromRoute] string reference, CancellationToken ct)
    {
        if (await changes.FindActionAsync(reference, ct) is not { } action)
        {
            return NotFound();
        }

        if (!await MayRequestAsync(action))
        {
            return Forbid();
        }

        return View(new DueDateRequestForm { Facts = await changes.FactsAsync(action, AppliesAtOnce, ct) });
    }

    [HttpPost("/actions/{reference}/due-date")]
    public async Task<IActionResult> RequestChange([FromRoute] string reference, DueDateRequestForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await changes.FindActionAsync(reference, ct) is not { } action)
        {
            return NotFound();
        }

        if (!await MayRequestAsync(action))
        {
            return Forbid();
        }

        if (await changes.RequestAsync(action, form, User, ModelState, ct) is not { } change)
        {
            form.Facts = await changes.FactsAsync(action, AppliesAtOnce, ct);
            return View(form);
        }

        TempData["Notification"] = change.State == DueDateChangeState.Approved
            ? $"The due date of action {reference} is now {change.ToDate:d MMMM yyyy}"
            : $"Your request to move the due date of action {reference} to {change.ToDate:d MMMM yyyy} has been sent to the Service Director";
        return Redirect($"/actions/{Uri.EscapeDataString(reference)}");
    }

    [HttpGet("/due-date-changes")]
    [Authorize(Policy = Policies.DecideUpdates)]
    public async Task<IActionResult> Pending(CancellationToken ct) => View(await changes.PendingAsync(ct));

    [HttpPost("/due-date-changes/{id:int}/approve")]
    [Authorize(Policy = Policies.DecideUpdates)]
    public Task<IActionResult> Approve([FromRoute] int id, [FromForm] string? comment, CancellationToken ct) => DecideAsync(id, approve: true, comment, ct);

    [HttpPost("/due-date-changes/{id:int}/reject")]
    [Authorize(Policy = Policies.DecideUpdates)]
    public Task<IActionResult> Reject([FromRoute] int id, [FromForm] string? comment, CancellationToken ct) => DecideAsync(id, approve: false, comment, ct);

    private bool AppliesAtOnce => User.IsInRole(Roles.ServiceDirector);

    private async Task<IActionResult> DecideAsync([FromRoute] int id, bool approve, string? comment, CancellationToken ct)
    {
        var (result, reference, toDate) = await changes.DecideAsync(id, approve, comment, User, ModelState, ct);
        switch (result)
        {
            case DecisionResult.NotFound:
                return NotFound();
            case DecisionResult.Invalid:
                return View(nameof(Pending), await changes.PendingAsync(ct));
            case DecisionResult.AlreadyDecided:
                TempData["Notification"] = $"The request for action {reference} had already been decided";
                return Redirect("/due-date-changes");
            default:
                TempData["Notification"] = approve
                    ? $"Approved: the due date of action {reference} is now {toDate:d MMMM yyyy}"
                    : $"Rejected: the due date of action {reference} stays as it was";
                return Redirect("/due-date-changes");
        }
    }

    private async Task<bool> MayRequestAsync(ImprovementAction action) =>
        (await authorization.AuthorizeAsync(User, Policies.EditPlan)).Succeeded
        || (await authorization.AuthorizeAsync(User, action, Policies.LeadsRecord)).Succeeded;
}
