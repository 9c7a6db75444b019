using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Home;

public sealed class HomeController(PlanOverviewQuery overview) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await overview.RunAsync(cancellationToken));

    [HttpGet("/accessibility")]
    [AllowAnonymous]
    public IActionResult Accessibility() => View();
}
