using ImprovementPlan.Web.Authorization;
using ImprovementPlan.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ImprovementPlan.Web.Features.Measures;

/// <summary>The plan's measures: the list, a measure's page, entering and correcting figures, and a month's return.</summary>
public sealed class MeasuresController(
    MeasureListQuery list,
    MeasureDetailQuery detail,
    RecordFigureHandler record,
    CorrectFigureHandler correct,
    EnterFiguresHandler grid,
    DefineMeasureHandler define,
    RetireMeasureHandler retire,
    TrajectoryHandler trajectory) : Controller
{
    private const string ConflictMessage =
        "Someone else changed this measure while you were editing it. The form now shows their version: make your changes again";

    [HttpGet("/measures/new")]
    [Authorize(Policy = Policies.MaintainMeasures)]
    public async Task<IActionResult> New(CancellationToken ct) =>
        View("Edit", await define.PrepareAsync(new MeasureForm { Frequency = "Monthly", Unit = "Percent", Polarity = "HigherIsBetter", LagDays = "14" }, ct));

    [HttpPost("/measures/new")]
    [Authorize(Policy = Policies.MaintainMeasures)]
    public async Task<IActionResult> New(MeasureForm form, CancellationToken ct)
    {
        var result = await define.CreateAsync(form, ct);
        if (result.Outcome == MeasureOutcome.Invalid)
        {
            AddErrors(result);
            return View("Edit", await define.PrepareAsync(form, ct));
        }

        return Finish(result, $"/measures/{result.MeasureId}");
    }

    [HttpGet("/measures/{id:int}/edit")]
    [Authorize(Policy = Policies.MaintainMeasures)]
    public async Task<IActionResult> Edit([FromRoute] int id, CancellationToken ct) =>
        await define.EditFormAsync(id, ct) is { } form ? View(form) : NotFound();

    [HttpPost("/measures/{id:int}/edit")]
    [Authorize(Policy = Policies.MaintainMeasures)]
    public async Task<IActionResult> Edit([FromRoute] int id, MeasureForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await define.EditAsync(id, form, ct);
        switch (result.Outcome)
        {
            case MeasureOutcome.Invalid:
                AddErrors(result);
                form.MeasureId = id;
                return View(await define.PrepareAsync(form, ct));
            case MeasureOutcome.Conflict:
                ModelState.AddModelError(string.Empty, ConflictMessage);
                return View(await define.EditFormAsync(id, ct));
            default:
                return Finish(result, $"/measures/{id}");
        }
    }

    [HttpPost("/measures/{id:int}/retire")]
    [Authorize(Policy = Policies.MaintainMeasures)]
    public async Task<IActionResult> Retire([FromRoute] int id, [FromForm] DateParts retireOn, CancellationToken ct)
    {
        var result = await retire.RunAsync(id, retireOn ?? new DateParts(), ct);
        if (result.Outcome == MeasureOutcome.Invalid)
        {
            AddErrors(result);
            return View(nameof(Edit), await define.EditFormAsync(id, ct));
        }

        return Finish(result, $"/measures/{id}");
    }

    [HttpGet("/measures/{id:int}/targets")]
    [Authorize(Policy = Policies.MaintainMeasures)]
    public async Task<IActionResult> Trajectory([FromRoute] int id, CancellationToken ct) =>
        await trajectory.PageAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("/measures/{id:int}/targets")]
    [Authorize(Policy = Policies.MaintainMeasures)]
    public async Task<IActionResult> AddTarget([FromRoute] int id, TargetForm form, CancellationToken ct)
    {
        var result = await trajectory.AddTargetAsync(id, form, ct);
        return result.Outcome == MeasureOutcome.Invalid
            ? TrajectoryWithErrors(result, await trajectory.PageAsync(id, ct, target: form))
            : Finish(result, $"/measures/{id}/targets");
    }

    [HttpPost("/measures/{id:int}/targets/{targetId:int}/remove")]
    [Authorize(Policy = Policies.MaintainMeasures)]
    public async Task<IActionResult> RemoveTarget([FromRoute] int id, [FromRoute] int targetId, CancellationToken ct) =>
        Finish(await trajectory.RemoveTargetAsync(id, targetId, ct), $"/measures/{id}/targets");

    [HttpPost("/measures/{id:int}/baseline")]
    [Authorize(Policy = Policies.MaintainMeasures)]
    public async Task<IActionResult> SetBaseline([FromRoute] int id, BaselineForm form, CancellationToken ct)
    {
        var result = await trajectory.SetBaselineAsync(id, form, ct);
        return result.Outcome == MeasureOutcome.Invalid
            ? TrajectoryWithErrors(result, await trajectory.PageAsync(id, ct, baseline: form))
            : Finish(result, $"/measures/{id}/targets");
    }

    [HttpPost("/measures/{id:int}/comparators")]
    [Authorize(Policy = Policies.MaintainMeasures)]
    public async Task<IActionResult> RecordComparator([FromRoute] int id, ComparatorForm form, CancellationToken ct)
    {
        var result = await trajectory.RecordComparatorAsync(id, form, ct);
        return result.Outcome == MeasureOutcome.Invalid
            ? TrajectoryWithErrors(result, await trajectory.PageAsync(id, ct, comparator: form))
            : Finish(result, $"/measures/{id}/targets");
    }

    private IActionResult TrajectoryWithErrors(MeasureResult result, TrajectoryPage? page)
    {
        if (page is null)
        {
            return NotFound();
        }

        AddErrors(result);
        return View(nameof(Trajectory), page);
    }

    [HttpGet("/measures")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await list.RunAsync(ct));

    [HttpGet("/measures/{id:int}")]
    public async Task<IActionResult> Show([FromRoute] int id, CancellationToken ct) =>
        await detail.RunAsync(id, ct) is { } page ? View(page) : NotFound();

    [HttpPost("/measures/{id:int}/figures")]
    public async Task<IActionResult> RecordFigure([FromRoute] int id, RecordFigureForm form, CancellationToken ct)
    {
        var result = await record.RunAsync(id, form, ct);
        if (result.Outcome == MeasureOutcome.Invalid)
        {
            AddErrors(result);
            ViewData["FigureForm"] = form;
            return View(nameof(Show), await detail.RunAsync(id, ct));
        }

        return Finish(result, $"/measures/{id}");
    }

    [HttpGet("/measures/{id:int}/figures/{figureId:int}/correct")]
    public async Task<IActionResult> Correct([FromRoute] int id, [FromRoute] int figureId, CancellationToken ct)
    {
        var (result, measure, figure) = await correct.FindAsync(id, figureId, ct);
        return result.Outcome switch
        {
            MeasureOutcome.NotFound => NotFound(),
            MeasureOutcome.Forbidden => Forbid(),
            _ => View(CorrectFigureForm.For(measure!, figure!)),
        };
    }

    [HttpPost("/measures/{id:int}/figures/{figureId:int}/correct")]
    public async Task<IActionResult> Correct([FromRoute] int id, [FromRoute] int figureId, CorrectFigureForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await correct.RunAsync(id, figureId, form, ct);
        if (result.Outcome is MeasureOutcome.Invalid or MeasureOutcome.Conflict)
        {
            var (_, measure, figure) = await correct.FindAsync(id, figureId, ct);
            if (result.Outcome == MeasureOutcome.Conflict)
            {
                ModelState.AddModelError(string.Empty,
                    "Someone else corrected this figure while you were editing it. The figure below is theirs: check it and make your correction again");
                var fresh = CorrectFigureForm.For(measure!, figure!);
                fresh.Reason = form.Reason;
                return View(fresh);
            }

            AddErrors(result);
            form.Measure = measure;
            form.Figure = figure;
            return View(form);
        }

        return Finish(result, $"/measures/{id}");
    }

    [HttpGet("/measures/figures")]
    public async Task<IActionResult> Figures([FromQuery] string? period, CancellationToken ct)
    {
        if (!await grid.MayUseAsync(ct))
        {
            return Forbid();
        }

        var month = grid.MonthFor(period);
        return View(new EnterFiguresForm { Month = month.Key(Domain.Measures.MeasureFrequency.Monthly), Grid = await grid.GridAsync(month, ct) });
    }

    [HttpPost("/measures/figures")]
    public async Task<IActionResult> Figures(EnterFiguresForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!await grid.MayUseAsync(ct))
        {
            return Forbid();
        }

        var result = await grid.SaveAsync(form, ct);
        if (result.Outcome == MeasureOutcome.Invalid)
        {
            AddErrors(result);
            form.Grid = await grid.GridAsync(grid.MonthFor(form.Month), ct);
            return View(form);
        }

        return Finish(result, $"/measures/figures?period={Uri.EscapeDataString(grid.MonthFor(form.Month).Key(Domain.Measures.MeasureFrequency.Monthly))}");
    }

    private IActionResult Finish(MeasureResult result, string redirectTo)
    {
        switch (result.Outcome)
        {
            case MeasureOutcome.NotFound:
                return NotFound();
            case MeasureOutcome.Forbidden:
                return Forbid();
            default:
                TempData["Notification"] = result.Notification;
                return Redirect(redirectTo);
        }
    }

    private void AddErrors(MeasureResult result)
    {
        foreach (var (key, message) in result.Errors)
        {
            ModelState.AddModelError(key, message);
        }
    }
}
