using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Home;

public sealed class HomeController(DashboardQuery dashboard, MeasureWorkQuery measureWork) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await dashboard.RunAsync(cancellationToken) is { } model
            ? model with { MeasureWork = await measureWork.RunAsync(cancellationToken) }
            : null);

    [HttpGet("/accessibility")]
    [AllowAnonymous]
    public IActionResult Accessibility() => View();
}
