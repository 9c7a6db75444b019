using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.ToDo;

/// <summary>"What I need to do": the signed-in user's own list, today.</summary>
public sealed class ToDoController(ToDoListQuery query, CurrentPlan currentPlan, CurrentUser user, TimeProvider clock) : Controller
{
    [HttpGet("/my/to-do")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (user.Id is not { } userId || await currentPlan.FindAsync(ct) is not { } plan)
        {
            return NotFound();
        }

        return View(await query.BuildAsync(plan.Id, userId, clock.Today(), ct));
    }
}
