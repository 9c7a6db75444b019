using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Priorities;

/// <summary>The nine Ofsted priority areas and each one's page; read-only, for every signed-in role.</summary>
[Route("priorities")]
public sealed class PrioritiesController(PriorityQueries priorities) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var page = await priorities.ListAsync(cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("{number:int}")]
    public async Task<IActionResult> Show(int number, CancellationToken cancellationToken)
    {
        var page = await priorities.DetailAsync(number, User, cancellationToken);
        return page is null ? NotFound() : View(page);
    }
}
