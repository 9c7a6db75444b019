using System.Text;
using ImprovementPlan.Web.Features.Actions;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Export;

/// <summary>Downloads for any signed-in role: the action list as filtered on /actions, as CSV or a workbook, and the whole plan as a workbook.</summary>
public sealed class ExportController(CurrentUser currentUser, CurrentPlan currentPlan) : Controller
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The action list as CSV; the query string is the action list's filter.</summary>
    [HttpGet("export/actions.csv")]
    public async Task<IActionResult> Actions([FromQuery] ActionFilter filter, [FromServices] ActionPlanCsv csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var text = await csv.WriteAsync(filter ?? new ActionFilter(), currentUser.Id, cancellationToken);
        return File(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), "text/csv; charset=utf-8", "action-plan.csv");
    }

    /// <summary>The action list as a workbook; the query string is the action list's filter.</summary>
    [HttpGet("export/actions.xlsx")]
    public async Task<IActionResult> ActionsWorkbook([FromQuery] ActionFilter filter, [FromServices] ActionListWorkbookQuery workbook,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        return File(await workbook.WriteAsync(filter ?? new ActionFilter(), currentUser.Id, cancellationToken), XlsxType, "action-plan.xlsx");
    }

    /// <summary>The whole plan in the import template's layout.</summary>
    [HttpGet("plan/export.xlsx")]
    public async Task<IActionResult> Plan([FromServices] PlanWorkbookQuery plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return File(await plan.ExportAsync(await currentPlan.IdAsync(cancellationToken), cancellationToken), XlsxType, "improvement-plan.xlsx");
    }
}
