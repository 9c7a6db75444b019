using ImprovementPlan.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Audit;

/// <summary>The audit log: read-only, newest first. There is no route that edits or deletes an entry.</summary>
[Authorize(Policy = Policies.ViewAudit)]
public sealed class AuditController(AuditLogQuery log) : Controller
{
    [HttpGet("/audit")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        filter.Result = await log.RunAsync(filter, ModelState, ct);
        return View(filter);
    }
}
