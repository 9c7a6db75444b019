using System.Globalization;
using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Features.Updates;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Approvals;

/// <summary>The Service Director's queue of submitted updates, and approving or returning each.</summary>
[Authorize(Policy = Policies.DecideUpdates)]
public sealed class ApprovalsController(
    ApprovalsQuery approvals,
    UpdateRecordsQuery records,
    UpdateDetailsQuery details,
    DecideUpdateHandler decide) : Controller
{
    public const string CommentRequiredMessage = "Enter a comment saying what needs to change";

    [HttpGet("/approvals")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await approvals.RunAsync(cancellationToken));

    [HttpPost("/updates/{id:int}/approve")]
    public Task<IActionResult> Approve([FromRoute] int id, DecisionForm form, CancellationToken cancellationToken) =>
        DecideAsync(id, form, approve: true, cancellationToken);

    [HttpPost("/updates/{id:int}/return")]
    public Task<IActionResult> Return([FromRoute] int id, DecisionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (string.IsNullOrWhiteSpace(form.Comment))
        {
            ModelState.AddModelError(nameof(DecisionForm.Comment), CommentRequiredMessage);
        }

        return DecideAsync(id, form, approve: false, cancellationToken);
    }

    private async Task<IActionResult> DecideAsync(int id, DecisionForm form, bool approve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var update = await records.UpdateAsync(id, cancellationToken);
        if (update is null)
        {
            return NotFound();
        }

        var record = await records.OfAsync(update, cancellationToken);
        if (ModelState.IsValid)
        {
            var outcome = approve
                ? await decide.ApproveAsync(User, update, record, form, cancellationToken)
                : await decide.ReturnAsync(User, update, record, form, cancellationToken);
            switch (outcome.Result)
            {
                case DecisionResult.Done:
                    TempData["Notification"] = approve
                        ? $"The update on {record.Label} has been approved"
                        : $"The update on {record.Label} has been returned to {update.AuthorName}";
                    return Redirect("/approvals");
                case DecisionResult.AlreadyDecided:
                    return Redirect($"/updates/{id.ToString(CultureInfo.InvariantCulture)}");
                default:
                    ModelState.AddModelError("decision", outcome.Error!);
                    break;
            }
        }

        var page = new UpdatePage { Details = await details.RunAsync(User, update, record), Comment = form.Comment, Version = update.Version };
        return View("~/Features/Updates/Show.cshtml", page);
    }
}
