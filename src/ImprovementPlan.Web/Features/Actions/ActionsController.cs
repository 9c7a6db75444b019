using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Actions;

/// <summary>The action list and each action's page; read-only, for every signed-in role.</summary>
[Route("actions")]
public sealed class ActionsController(ActionListQuery list, ActionDetailQuery detail, CurrentUser currentUser) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ActionFilter filter, CancellationToken cancellationToken)
    {
        var page = await list.RunAsync(filter, currentUser.Id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        // The form shows the filter as understood (unknown values dropped), not as typed; only real
        // mistakes, such as a date that does not exist, go to the error summary.
        ModelState.Clear();
        foreach (var (field, message) in page.Errors)
        {
            ModelState.AddModelError(field, message);
        }

        return View(page);
    }

    [HttpGet("{reference}")]
    public async Task<IActionResult> Show(string reference, CancellationToken cancellationToken)
    {
        var page = await detail.RunAsync(reference, User, cancellationToken);
        return page is null ? NotFound() : View(page);
    }
}
