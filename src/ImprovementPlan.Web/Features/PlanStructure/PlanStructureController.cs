using ImprovementPlan.Web.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.PlanStructure;

/// <summary>
/// The current plan's structure, edited by administrators and the Service Director: workstreams,
/// priorities, source reviews and stages; adding, changing, reordering and retiring them.
/// </summary>
[Route("plan-structure")]
[Authorize(Policy = Policies.EditPlan)]
public sealed class PlanStructureController(
    StructureQuery structure,
    StructureOrderHandler order,
    SaveWorkstreamHandler workstreams,
    SavePriorityHandler priorities,
    SaveSourceReviewHandler reviews,
    SaveStageHandler stages) : Controller
{
    private const string ConflictMessage =
        "Someone else changed this while you were editing it. The form now shows their version: make your changes again";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await structure.RunAsync(ct));

    [HttpGet("workstreams/new")]
    public IActionResult NewWorkstream() => View("Workstream", new WorkstreamForm());

    [HttpPost("workstreams/new")]
    public async Task<IActionResult> NewWorkstream(WorkstreamForm form, CancellationToken ct) =>
        await SaveAsync(await workstreams.RunAsync(null, form, ct), () => Task.FromResult<IActionResult>(View("Workstream", form)), null);

    [HttpGet("workstreams/{itemId:int}")]
    public async Task<IActionResult> Workstream([FromRoute] int itemId, CancellationToken ct) =>
        await workstreams.FormAsync(itemId, ct) is { } form ? View(form) : NotFound();

    [HttpPost("workstreams/{itemId:int}")]
    public async Task<IActionResult> Workstream([FromRoute] int itemId, WorkstreamForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = itemId;
        return await SaveAsync(await workstreams.RunAsync(itemId, form, ct), () => Task.FromResult<IActionResult>(View(form)),
            async () => await workstreams.FormAsync(itemId, ct) is { } fresh ? View(fresh) : NotFound());
    }

    [HttpGet("priorities/new")]
    public async Task<IActionResult> NewPriority(CancellationToken ct) => View("Priority", await priorities.PrepareAsync(new PriorityForm(), ct));

    [HttpPost("priorities/new")]
    public async Task<IActionResult> NewPriority(PriorityForm form, CancellationToken ct) =>
        await SaveAsync(await priorities.RunAsync(null, form, ct), async () => View("Priority", await priorities.PrepareAsync(form, ct)), null);

    [HttpGet("priorities/{itemId:int}")]
    public async Task<IActionResult> Priority([FromRoute] int itemId, CancellationToken ct) =>
        await priorities.FormAsync(itemId, ct) is { } form ? View(form) : NotFound();

    [HttpPost("priorities/{itemId:int}")]
    public async Task<IActionResult> Priority([FromRoute] int itemId, PriorityForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = itemId;
        return await SaveAsync(await priorities.RunAsync(itemId, form, ct), async () => View(await priorities.PrepareAsync(form, ct)),
            async () => await priorities.FormAsync(itemId, ct) is { } fresh ? View(fresh) : NotFound());
    }

    [HttpGet("source-reviews/new")]
    public IActionResult NewSourceReview() => View("SourceReview", new SourceReviewForm());

    [HttpPost("source-reviews/new")]
    public async Task<IActionResult> NewSourceReview(SourceReviewForm form, CancellationToken ct) =>
        await SaveAsync(await reviews.RunAsync(null, form, ct), () => Task.FromResult<IActionResult>(View("SourceReview", form)), null);

    [HttpGet("source-reviews/{itemId:int}")]
    public async Task<IActionResult> SourceReview([FromRoute] int itemId, CancellationToken ct) =>
        await reviews.FormAsync(itemId, ct) is { } form ? View(form) : NotFound();

    [HttpPost("source-reviews/{itemId:int}")]
    public async Task<IActionResult> SourceReview([FromRoute] int itemId, SourceReviewForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = itemId;
        return await SaveAsync(await reviews.RunAsync(itemId, form, ct), () => Task.FromResult<IActionResult>(View(form)),
            async () => await reviews.FormAsync(itemId, ct) is { } fresh ? View(fresh) : NotFound());
    }

    [HttpGet("stages/new")]
    public IActionResult NewStage() => View("Stage", new StageForm());

    [HttpPost("stages/new")]
    public async Task<IActionResult> NewStage(StageForm form, CancellationToken ct) =>
        await SaveAsync(await stages.RunAsync(null, form, ct), () => Task.FromResult<IActionResult>(View("Stage", form)), null);

    [HttpGet("stages/{itemId:int}")]
    public async Task<IActionResult> Stage([FromRoute] int itemId, CancellationToken ct) =>
        await stages.FormAsync(itemId, ct) is { } form ? View(form) : NotFound();

    [HttpPost("stages/{itemId:int}")]
    public async Task<IActionResult> Stage([FromRoute] int itemId, StageForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = itemId;
        return await SaveAsync(await stages.RunAsync(itemId, form, ct), () => Task.FromResult<IActionResult>(View(form)),
            async () => await stages.FormAsync(itemId, ct) is { } fresh ? View(fresh) : NotFound());
    }

    /// <summary>Moves an item one place up or down its list (Direction=up or down), without JavaScript.</summary>
    [HttpPost("workstreams/{itemId:int}/move")]
    [HttpPost("priorities/{itemId:int}/move")]
    [HttpPost("source-reviews/{itemId:int}/move")]
    [HttpPost("stages/{itemId:int}/move")]
    public async Task<IActionResult> Move([FromRoute] int itemId, [FromForm] string? direction, CancellationToken ct)
    {
        if (StructureKind.FromPath(Request.Path) is not { } kind || direction is not ("up" or "down"))
        {
            return BadRequest();
        }

        return Finish(await order.MoveAsync(kind, itemId, direction == "up", ct), kind);
    }

    [HttpPost("workstreams/{itemId:int}/retire")]
    [HttpPost("priorities/{itemId:int}/retire")]
    [HttpPost("source-reviews/{itemId:int}/retire")]
    [HttpPost("stages/{itemId:int}/retire")]
    public Task<IActionResult> Retire([FromRoute] int itemId, [FromForm] int version, CancellationToken ct) => RetireAsync(itemId, version, retire: true, ct);

    [HttpPost("workstreams/{itemId:int}/reinstate")]
    [HttpPost("priorities/{itemId:int}/reinstate")]
    [HttpPost("source-reviews/{itemId:int}/reinstate")]
    [HttpPost("stages/{itemId:int}/reinstate")]
    public Task<IActionResult> Reinstate([FromRoute] int itemId, [FromForm] int version, CancellationToken ct) => RetireAsync(itemId, version, retire: false, ct);

    private async Task<IActionResult> RetireAsync(int itemId, int version, bool retire, CancellationToken ct)
    {
        if (StructureKind.FromPath(Request.Path) is not { } kind)
        {
            return NotFound();
        }

        var result = await order.RetireAsync(kind, itemId, version, retire, ct);
        if (result.Outcome == StructureOutcome.Conflict)
        {
            ModelState.AddModelError(string.Empty, "Someone else changed this while you were looking at it. Check the list and try again");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Index), await structure.RunAsync(ct));
        }

        return Finish(result, kind);
    }

    private async Task<IActionResult> SaveAsync(StructureResult result, Func<Task<IActionResult>> invalid, Func<Task<IActionResult>>? conflict)
    {
        switch (result.Outcome)
        {
            case StructureOutcome.Invalid:
                foreach (var (key, message) in result.Errors)
                {
                    ModelState.AddModelError(key, message);
                }

                return await invalid();
            case StructureOutcome.Conflict when conflict is not null:
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, ConflictMessage);
                return await conflict();
            default:
                return Finish(result, StructureKind.FromPath(Request.Path));
        }
    }

    private IActionResult Finish(StructureResult result, string? kind)
    {
        if (result.Outcome == StructureOutcome.NotFound)
        {
            return NotFound();
        }

        TempData["Notification"] = result.Notification;
        return Redirect("/plan-structure" + (kind is null ? string.Empty : "#" + kind));
    }
}
