using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Home;

public sealed class HomeController(DashboardQuery dashboard) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await dashboard.RunAsync(cancellationToken));

    [HttpGet("/accessibility")]
    [AllowAnonymous]
    public IActionResult Accessibility() => View();
}
