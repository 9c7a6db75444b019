using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Users;

/// <summary>The step of deactivating someone who leads things: choosing who takes over.</summary>
[Route("admin/users/{id}/hand-over")]
[Authorize(Policy = Policies.ManageUsers)]
public sealed class HandOverController(UserAdminHandler admin, HandOverHandler handOver, CurrentUser currentUser) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromRoute] string id, CancellationToken ct) =>
        await admin.FindAsync(id) is { } user ? View("~/Features/Users/HandOver.cshtml", await handOver.FormAsync(user, null, ct)) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Index([FromRoute] string id, [FromForm] string? toUserId, CancellationToken ct)
    {
        if (await admin.FindAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (await handOver.RunAsync(user, toUserId, currentUser.Id, ct) is { } problem)
        {
            ModelState.AddModelError(nameof(HandOverForm.ToUserId), problem);
            return View("~/Features/Users/HandOver.cshtml", await handOver.FormAsync(user, toUserId, ct));
        }

        TempData["Notification"] = $"{user.DisplayName} has been deactivated and cannot sign in. What they led has been handed over";
        return Redirect($"/admin/users/{id}");
    }
}
