using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Export;

[Route("export")]
public sealed class ExportController(ActionPlanCsv actionPlan) : Controller
{
    /// <summary>The action plan as CSV, for any signed-in role.</summary>
    [HttpGet("actions.csv")]
    public async Task<IActionResult> Actions(CancellationToken cancellationToken)
    {
        var csv = await actionPlan.WriteAsync(cancellationToken);
        return File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(csv), "text/csv; charset=utf-8", "action-plan.csv");
    }
}
