using ImprovementPlan.Web.Features.ToDo;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Home;

public sealed class HomeController(DashboardQuery dashboard, MeasureWorkQuery measureWork, ToDoListQuery toDo, CurrentPlan currentPlan,
    CurrentUser user, TimeProvider clock)
    : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (await dashboard.RunAsync(cancellationToken) is not { } model)
        {
            return View(null);
        }

        // Only the follow-ups: the rest of the to-do list is on the dashboard already, from the plan's actions read once.
        var followUps = user.Id is { } userId
            ? await toDo.OpenFollowUpsAsync(await currentPlan.IdAsync(cancellationToken), userId, clock.Today(), cancellationToken)
            : [];
        return View(model with
        {
            MeasureWork = await measureWork.RunAsync(cancellationToken),
            FollowUps = followUps.Select(f => new DashboardItem(f.Text, f.Href, f.Detail)).ToList(),
        });
    }

    [HttpGet("/accessibility")]
    [AllowAnonymous]
    public IActionResult Accessibility() => View();
}
