using ImprovementPlan.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Plans;

/// <summary>The plans: the list to switch between, and creating, copying and archiving them (administrators and the Service Director).</summary>
[Route("plans")]
public sealed class PlansController(
    PlanListQuery list,
    SwitchPlanHandler switcher,
    CreatePlanHandler create,
    CopyPlanHandler copy,
    ArchivePlanHandler archive,
    IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) =>
        View(await list.RunAsync((await authorization.AuthorizeAsync(User, Policies.EditPlan)).Succeeded, ct));

    [HttpPost("{planId:int}/switch")]
    public async Task<IActionResult> Switch([FromRoute] int planId, CancellationToken ct) =>
        Finish(await switcher.RunAsync(planId, ct), "/");

    [HttpGet("new")]
    [Authorize(Policy = Policies.EditPlan)]
    public IActionResult New() => View("Edit", new PlanForm());

    [HttpPost("new")]
    [Authorize(Policy = Policies.EditPlan)]
    public async Task<IActionResult> New(PlanForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.CopyOfId = null;
        var result = await create.RunAsync(form, ct);
        if (result.Outcome == PlanOutcome.Invalid)
        {
            AddErrors(result);
            return View("Edit", form);
        }

        return Finish(result, "/plan-structure");
    }

    [HttpGet("{planId:int}/copy")]
    [Authorize(Policy = Policies.EditPlan)]
    public async Task<IActionResult> Copy([FromRoute] int planId, CancellationToken ct) =>
        await copy.FormAsync(planId, ct) is { } form ? View("Edit", form) : NotFound();

    [HttpPost("{planId:int}/copy")]
    [Authorize(Policy = Policies.EditPlan)]
    public async Task<IActionResult> Copy([FromRoute] int planId, PlanForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await copy.RunAsync(planId, form, ct);
        if (result.Outcome == PlanOutcome.Invalid)
        {
            AddErrors(result);
            var source = await copy.FormAsync(planId, ct);
            form.CopyOfId = planId;
            form.CopyOfTitle = source?.CopyOfTitle;
            return View("Edit", form);
        }

        return Finish(result, "/plan-structure");
    }

    [HttpGet("{planId:int}/archive")]
    [Authorize(Policy = Policies.EditPlan)]
    public async Task<IActionResult> Archive([FromRoute] int planId, CancellationToken ct) =>
        await archive.FormAsync(planId, ct) is { } form ? View(form) : NotFound();

    [HttpPost("{planId:int}/archive")]
    [Authorize(Policy = Policies.EditPlan)]
    public async Task<IActionResult> Archive([FromRoute] int planId, ArchiveForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await archive.RunAsync(planId, form, ct);
        switch (result.Outcome)
        {
            case PlanOutcome.Invalid:
                AddErrors(result);
                break;
            case PlanOutcome.Conflict:
                ModelState.AddModelError(string.Empty, "Someone else changed this plan while you were looking at it. Check it and try again");
                break;
            default:
                return Finish(result, "/plans");
        }

        return await archive.FormAsync(planId, ct) is { } fresh ? View(fresh) : NotFound();
    }

    private IActionResult Finish(PlanResult result, string redirectTo)
    {
        if (result.Outcome == PlanOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["Notification"] = result.Notification;
        return Redirect(redirectTo);
    }

    private void AddErrors(PlanResult result)
    {
        foreach (var (key, message) in result.Errors)
        {
            ModelState.AddModelError(key, message);
        }
    }
}
